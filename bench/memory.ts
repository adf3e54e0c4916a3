/**
 * `npm run bench -- memory` (issue #19 item 7): the peak resident memory of the console as `npm run console`
 * starts it, idle and on a 10,000-case table (175,000 signals), on the embedded store and, when a database is
 * given (TEST_DATABASE_URL or DATABASE_URL), on PostgreSQL; and the export of that table, streamed and whole.
 * Each run is a process of its own.
 */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { openFileStore } from "../src/store/lowdb/store.ts";
import { openPostgresStore } from "../src/store/postgres/store.ts";
import { generateTable } from "./generate.ts";
import { nodeFlags, type Row } from "./support.ts";

const CASES = 10_000;
const BUDGET_MIB = 200;
const ROOT = join(import.meta.dirname, "..");
const FLAGS = await nodeFlags();

function peakMiB(
  args: string[],
  env: Record<string, string> = {},
  main = "adapters/console/main.ts",
): number {
  const run = spawnSync(
    process.execPath,
    [...FLAGS, "--import", join(ROOT, "bench/peak-rss.ts"), join(ROOT, main), ...args],
    { cwd: ROOT, env: { ...process.env, ...env }, encoding: "utf8" },
  );
  const kib = /peak-rss (\d+)/.exec(run.stderr)?.[1];
  if (run.status !== 0 || !kib) throw new Error(`console failed: ${run.stdout}${run.stderr}`);
  return Number(kib) / 1024;
}

const row = (id: string, what: string, mib: number, budget: boolean): Row => ({
  id,
  what,
  value: mib,
  unit: "MiB",
  budget: budget ? `≤ ${BUDGET_MIB} MiB` : "",
  ok: !budget || mib <= BUDGET_MIB,
});

export async function runMemoryBench(): Promise<Row[]> {
  const dir = await mkdtemp(join(tmpdir(), "tafel-bench-memory-"));
  const script = join(dir, "script.tafel");
  await writeFile(script, "casussen\ncasus C-777\n");
  const rows: Row[] = [];
  try {
    rows.push(
      row(
        "M.idle",
        "idle console (memory store, no table yet), peak",
        peakMiB(["--memory", "--script", script]),
        false,
      ),
    );
    const data = join(dir, "data");
    const store = await openFileStore(data);
    await store.create(generateTable({ id: "console", conversation: "console", cases: CASES, seed: 7 }));
    await store.close();
    const embedded = peakMiB(["--data", data, "--script", script]);
    rows.push(
      row(
        "M.embedded",
        "console on a 10,000-case table, embedded store (casussen, casus), peak",
        embedded,
        true,
      ),
    );
    const streamed = peakMiB([data], {}, "bench/export-instance.ts");
    rows.push(
      row("M.export", "… its export, sent on as it is made (as Teams' download does), peak", streamed, false),
    );
    const bytes = peakMiB([data, "--bytes"], {}, "bench/export-instance.ts");
    rows.push(row("M.export-bytes", "… gathered as bytes (as Slack's upload takes it), peak", bytes, false));
    const whole = peakMiB([data, "--whole"], {}, "bench/export-instance.ts");
    rows.push(
      row(
        "M.export-whole",
        "… its export gathered into one text first (as it was made before), peak",
        whole,
        false,
      ),
    );
    const url = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
    if (url) rows.push(row("M.postgres", "… on PostgreSQL, peak", await onPostgres(url, script), true));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return rows;
}

async function onPostgres(url: string, script: string): Promise<number> {
  const schema = `bench_memory_${randomBytes(4).toString("hex")}`;
  const store = await openPostgresStore(url, { schema });
  try {
    await store.create(generateTable({ id: "console", conversation: "console", cases: CASES, seed: 7 }));
    await store.close();
    // The console finds the table in the benchmark's schema through the connection's search path.
    const database = new URL(url);
    database.searchParams.set("options", `-c search_path=${schema}`);
    return peakMiB(["--script", script], {
      DATABASE_URL: database.toString(),
      TAFEL_PUPIL_KEY: randomBytes(32).toString("hex"),
    });
  } finally {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop schema ${schema} cascade`).catch(() => undefined);
    await admin.end();
  }
}
