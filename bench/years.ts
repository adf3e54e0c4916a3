/**
 * `npm run bench -- years` (issue #15): a table after three school years (1,500 cases, 300,000 audit events
 * with reads, 30,000 sent messages) beside a fresh 100-case table in the same embedded store: the snapshot's
 * size, the memory the table takes once read, the command p99 and the longest single command (a stall).
 * Budgets: p99 ≤ 1.5× the fresh table's, no command over 50 ms, the old table ≤ 150 MiB in memory.
 */
import { spawnSync } from "node:child_process";
import { mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { dispatch } from "../commands/dispatch.ts";
import type { AuditEvent, OutboxEntry } from "../src/core/model.ts";
import { isRead } from "../src/core/table.ts";
import { lineOf } from "../src/store/lowdb/journal.ts";
import { openFileStore } from "../src/store/lowdb/store.ts";
import { generateTable, MEMBER_IDS } from "./generate.ts";
import { benchUseCases, commandMix, nodeFlags, percentile, type Row } from "./support.ts";

const COMMANDS = 600;
const AUDIT = 300_000;
const SENT = 30_000;
const MIB = 1024 * 1024;

/** Three school years of history on a generated table: every read and change audited, every reminder sent. */
function threeYears() {
  const doc = generateTable({ id: "years", conversation: "years", cases: 1_500, seed: 3 });
  const start = Date.parse("2023-09-01T08:00:00Z");
  const span = Date.parse("2026-07-15T16:00:00Z") - start;
  const events = ["casus.bekeken", "casus.bekeken", "signaal.gemeld", "afspraak.gemaakt", "casussen.bekeken"];
  const audit: AuditEvent[] = [];
  for (let i = 0; i < AUDIT; i++)
    audit.push({
      at: new Date(start + Math.floor((span * i) / AUDIT)).toISOString(),
      actor: MEMBER_IDS[i % MEMBER_IDS.length] as string,
      event: events[i % events.length] as string,
      caseId: `C-${1 + (i % 1_500)}`,
      subject: i % 5 === 2 ? `S-${i}` : null,
    });
  const outbox: OutboxEntry[] = [];
  for (let i = 0; i < SENT; i++) {
    const at = new Date(start + Math.floor((span * i) / SENT)).toISOString();
    outbox.push({
      key: `dag:${at.slice(0, 10)}:${i}`,
      createdAt: at,
      sentAt: at,
      failedAt: null,
      attempts: 1,
      nextAttemptAt: at,
      lastError: null,
      message: { kind: "mislukt", date: at.slice(0, 10), original: `dag:${i}`, recipient: "tafel" },
    });
  }
  // The table keeps its history; the reads go to the store's read log (a file beside it), as commands put them.
  return {
    doc: { ...doc, audit: [...doc.audit, ...audit.filter((e) => !isRead(e.event))], outbox },
    reads: audit.filter((e) => isRead(e.event)),
  };
}

async function latencies(deps: ReturnType<typeof benchUseCases>, conversation: string, cases: number) {
  const ms: number[] = [];
  for (let i = 0; i < COMMANDS; i++) {
    const t = performance.now();
    await dispatch(deps, {
      text: commandMix(i, cases),
      actor: { id: MEMBER_IDS[1] as string, handle: "m1" },
      conversation,
      correlationId: `y${i}`,
    });
    ms.push(performance.now() - t);
  }
  return ms;
}

export async function runYearsBench(): Promise<Row[]> {
  const dir = await mkdtemp(join(tmpdir(), "tafel-years-"));
  const store = await openFileStore(dir);
  await store.create(generateTable({ id: "fresh", conversation: "fresh", cases: 100, seed: 1 }));
  const deps = benchUseCases(store);
  const fresh = await latencies(deps, "fresh", 100);
  const years = threeYears();
  await writeFile(join(dir, "tables", "years.reads"), years.reads.map(lineOf).join(""));
  await store.create(years.doc);
  const snapshot = (await stat(join(dir, "tables", "years.json"))).size / MIB;
  const old = await latencies(deps, "years", 1_500);
  await store.close();
  // Read from disk in a process of its own, as Tafel starts: in this one the generated table is already held.
  const opened = spawnSync(
    process.execPath,
    [...(await nodeFlags()), join(import.meta.dirname, "open-table.ts"), dir, "years"],
    { encoding: "utf8" },
  );
  const { before, after } = JSON.parse(opened.stdout) as { before: number; after: number };
  const memory = (after - before) / MIB;
  await rm(dir, { recursive: true, force: true });
  const p99 = (xs: number[]) => percentile(xs, 99);
  const ratio = p99(old) / p99(fresh);
  const stall = Math.max(...old);
  return [
    {
      id: "Y.snapshot",
      what: "snapshot of the three-year table on disk",
      value: snapshot,
      unit: "MiB",
      budget: "",
      ok: true,
    },
    {
      id: "Y.rss",
      what: "resident memory the three-year table adds when a process opens the store (1,500 cases, 300,000 audit events of which 180,000 reads in the read log, 30,000 sent)",
      value: memory,
      unit: "MiB",
      budget: "≤ 150 MiB",
      ok: memory <= 150,
    },
    {
      id: "Y.fresh",
      what: `command p99, fresh 100-case table (${COMMANDS} commands)`,
      value: p99(fresh),
      unit: "ms",
      budget: "",
      ok: true,
    },
    {
      id: "Y.old",
      what: `command p99, three-year table (${COMMANDS} commands)`,
      value: p99(old),
      unit: "ms",
      budget: "",
      ok: true,
    },
    {
      id: "Y.ratio",
      what: "p99 three-year ÷ fresh",
      value: ratio,
      unit: "×",
      budget: "≤ 1.5×",
      ok: ratio <= 1.5,
    },
    {
      id: "Y.stall",
      what: "longest single command on the three-year table",
      value: stall,
      unit: "ms",
      budget: "≤ 50 ms",
      ok: stall <= 50,
    },
  ];
}

if (import.meta.main) {
  const { report } = await import("./support.ts");
  await report("years", await runYearsBench());
}
