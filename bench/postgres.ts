/**
 * B6: command latency on PostgreSQL, a 100-case deployment against a 10,000-case one (one table of 10,000
 * cases, the hardest place for them to be), p99 to stay within 1.5×. Beside it the naive design: the table as one
 * json document, rewritten whole on every command, on the same database in the same run.
 * Needs a database: TEST_DATABASE_URL (as `.ci/run` sets it) or DATABASE_URL; without one it is left out.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { dispatch } from "../commands/dispatch.ts";
import type { TableDoc } from "../src/core/model.ts";
import { fail, ok, type Result } from "../src/core/result.ts";
import type { Store, TableRef } from "../src/ports.ts";
import { LowRegions } from "../src/store/lowdb/regions.ts";
import { openPostgresStore } from "../src/store/postgres/store.ts";
import { runDailyBench } from "./daily.ts";
import { generateTable, MEMBER_IDS } from "./generate.ts";
import { benchUseCases, commandMix, median, percentile, type Row } from "./support.ts";

const RUN = { commands: 600, warmup: 50 };
/** The naive store takes seconds a command at 10,000 cases: fewer commands, and its median to compare. */
const NAIVE_RUN = { commands: 40, warmup: 5 };

/** The naive design: the whole table in one row, rewritten for every change (no versions, one instance). */
class WholeDocumentStore implements Store {
  private readonly pool: pg.Pool;
  private readonly docs = new Map<string, TableDoc>();
  /** Regions are no part of what this bench compares. */
  readonly regions = LowRegions.memory();
  constructor(pool: pg.Pool) {
    this.pool = pool;
  }
  async tableFor(conversation: string) {
    return (await this.tables()).find((t) => t.conversation === conversation) ?? null;
  }
  async tables(): Promise<TableRef[]> {
    return [...this.docs.values()].map((d) => ({
      id: d.table.id,
      name: d.table.name,
      conversation: d.table.conversation,
    }));
  }
  async tablesOf(memberId: string) {
    return (await this.tables()).filter((t) =>
      this.docs.get(t.id)?.members.some((m) => m.id === memberId && m.removedAt === null),
    );
  }
  async create(doc: TableDoc) {
    await this.pool.query("create table if not exists naive (id text primary key, body json not null)");
    await this.pool.query("insert into naive values ($1, $2)", [doc.table.id, JSON.stringify(doc)]);
    this.docs.set(doc.table.id, doc);
    return ok({ id: doc.table.id, name: doc.table.name, conversation: doc.table.conversation });
  }
  async read(tableId: string) {
    return this.docs.get(tableId) as TableDoc;
  }
  hold<T>(tableId: string, work: (doc: TableDoc) => Promise<T>) {
    return work(this.docs.get(tableId) as TableDoc);
  }
  async transact<T>(tableId: string, change: (d: TableDoc) => Result<T>): Promise<Result<T>> {
    const draft = structuredClone(this.docs.get(tableId) as TableDoc);
    const r = change(draft);
    if (!r.ok) return fail(r.error.code, r.error.params);
    await this.pool.query("update naive set body = $2 where id = $1", [tableId, JSON.stringify(draft)]);
    this.docs.set(tableId, draft);
    return r;
  }
  async scrub() {}
  async firstDelivery() {
    return true;
  }
  async forgetDelivery() {}
  async ready() {
    return true;
  }
  async reads() {
    return [];
  }
  async pruneReads() {
    return 0;
  }
  async close() {}
}

async function latencies(store: Store, cases: number, run = RUN): Promise<number[]> {
  await store.create(generateTable({ id: `t${cases}`, conversation: `c${cases}`, cases, seed: cases }));
  const deps = benchUseCases(store);
  const ms: number[] = [];
  for (let i = -run.warmup; i < run.commands; i++) {
    const start = performance.now();
    await dispatch(deps, {
      text: commandMix(i + run.warmup, cases),
      actor: { id: MEMBER_IDS[1] as string, handle: "m1" },
      conversation: `c${cases}`,
      correlationId: `b${i}`,
    });
    if (i >= 0) ms.push(performance.now() - start);
  }
  return ms;
}

export async function runPostgresBench(): Promise<Row[]> {
  const url = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!url) {
    process.stdout.write(
      "\npostgres — left out: set TEST_DATABASE_URL or DATABASE_URL to a database to use\n",
    );
    return [];
  }
  const schema = `bench_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const measured: Record<string, number[]> = {};
    for (const cases of [100, 10_000]) {
      const store = await openPostgresStore(url, { schema });
      measured[`tafel${cases}`] = await latencies(store, cases);
      await store.close();
    }
    const pool = new pg.Pool({ connectionString: url, options: `-c search_path=${schema}`, max: 2 });
    measured.naive = await latencies(new WholeDocumentStore(pool), 10_000, NAIVE_RUN);
    await pool.end();
    const [small, large, naive] = [measured.tafel100, measured.tafel10000, measured.naive] as number[][];
    const p99 = (xs: number[] | undefined) => percentile(xs ?? [], 99);
    const ratio = p99(large) / p99(small);
    const daily = await runDailyBench(url);
    return [
      ...daily,
      {
        id: "B6.p50-100",
        what: "command p50, 100 cases",
        value: median(small ?? []),
        unit: "ms",
        budget: "",
        ok: true,
      },
      {
        id: "B6.p99-100",
        what: "command p99, 100 cases",
        value: p99(small),
        unit: "ms",
        budget: "≤ 300 ms",
        ok: p99(small) <= 300,
      },
      {
        id: "B6.p50-10k",
        what: "command p50, 10,000 cases",
        value: median(large ?? []),
        unit: "ms",
        budget: "",
        ok: true,
      },
      {
        id: "B6.p99-10k",
        what: "command p99, 10,000 cases",
        value: p99(large),
        unit: "ms",
        budget: "≤ 300 ms",
        ok: p99(large) <= 300,
      },
      {
        id: "B6.flat",
        what: "p99 10,000 / 100 cases",
        value: ratio,
        unit: "×",
        budget: "≤ 1.5×",
        ok: ratio <= 1.5,
      },
      {
        id: "B6.naive-10k",
        what: `naive (whole document per command) p50, 10,000 cases, ${NAIVE_RUN.commands} commands`,
        value: median(naive ?? []),
        unit: "ms",
        budget: "",
        ok: true,
      },
      {
        id: "B6.vs-naive",
        what: "naive p50 / Tafel p50 at 10,000 cases",
        value: median(naive ?? []) / median(large ?? []),
        unit: "×",
        budget: "",
        ok: true,
      },
    ];
  } finally {
    await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.end();
  }
}
