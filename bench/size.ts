/**
 * `npm run bench -- size` (issue #19 item 7): the reads of one table of 10,000 cases (175,000 signals), on the
 * embedded store and, when a database is given (TEST_DATABASE_URL or DATABASE_URL), on PostgreSQL: a page of
 * `casussen`, a filtered list, a case card, the agenda and the whole `export`. Medians of five after one warm-up.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { dispatch } from "../commands/dispatch.ts";
import type { Store } from "../src/ports.ts";
import { openMemoryStore } from "../src/store/lowdb/store.ts";
import { openPostgresStore } from "../src/store/postgres/store.ts";
import { generateTable, MEMBER_IDS } from "./generate.ts";
import { benchUseCases, median, type Row } from "./support.ts";

const CASES = 10_000;
const LINES: Array<[string, string, number]> = [
  ["casussen", "a page of casussen (50 of 10,000)", 100],
  ["casussen meldplichtig", "casussen meldplichtig", 100],
  ["casus C-777", "one case card", 50],
  // Issue #29: the agenda ordered by the protocol's priority and escalation over every open case.
  ["overleg agenda", "the agenda, by priority and escalation (10,000 cases)", 1_000],
  ["export", "the whole export (JSON of 10,000 cases)", 3_000],
];

async function measure(store: Store, where: string): Promise<Row[]> {
  await store.create(generateTable({ id: "size", conversation: "size", cases: CASES, seed: 7 }));
  const deps = benchUseCases(store);
  const rows: Row[] = [];
  for (const [line, what, budget] of LINES) {
    const ms: number[] = [];
    for (let i = -1; i < 5; i++) {
      const t = performance.now();
      const out = await dispatch(deps, {
        text: line,
        actor: { id: MEMBER_IDS[0] as string, handle: "m0" },
        conversation: "size",
        correlationId: `s${i}`,
      });
      if (out.reply.error) throw new Error(`${line}: ${out.reply.error.code}`);
      if (i >= 0) ms.push(performance.now() - t);
    }
    const p50 = median(ms);
    rows.push({
      id: `S.${where}.${line.split(" ")[0]}${line.includes(" ") ? `-${line.split(" ")[1]}` : ""}`,
      what: `${what}, ${where}, p50`,
      value: p50,
      unit: "ms",
      budget: `≤ ${budget} ms`,
      ok: p50 <= budget,
    });
  }
  return rows;
}

export async function runSizeBench(): Promise<Row[]> {
  const rows = await measure(await openMemoryStore(), "embedded");
  const url = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!url) return rows;
  const schema = `bench_size_${randomBytes(4).toString("hex")}`;
  const store = await openPostgresStore(url, { schema });
  try {
    rows.push(...(await measure(store, "postgres")));
  } finally {
    await store.close();
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop schema ${schema} cascade`).catch(() => undefined);
    await admin.end();
  }
  return rows;
}
