/**
 * B7, the daily run on PostgreSQL (issue #19 item 5): 500 tables, each with agreements due, served by three
 * instances in separate processes from one tick. Measured from the tick job to the last table's job completed;
 * budget 60 s, so 09:00 reminders arrive before 09:01. Part of `npm run bench -- postgres`.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { createInterface } from "node:readline";
import pg from "pg";
import { startBoss, TICK } from "../src/scheduler/jobs.ts";
import { openPostgresStore } from "../src/store/postgres/store.ts";
import { generateTable } from "./generate.ts";
import type { Row } from "./support.ts";

const TABLES = 500;
const INSTANCES = 3;
/** A Monday morning at 09:05 in Amsterdam: every table's reminders are due. */
const AT = "2026-12-07T08:05:00Z";

function instance(url: string, schema: string, boss: string) {
  const child = spawn(
    process.execPath,
    [join(import.meta.dirname, "daily-instance.ts"), url, schema, boss, AT],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  const ready = new Promise<void>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`instance exited with ${code}`)));
    createInterface({ input: child.stdout }).on("line", (l) => l === "ready" && resolve());
  });
  return { child, ready };
}

export async function runDailyBench(url: string): Promise<Row[]> {
  const suffix = randomBytes(4).toString("hex");
  const schema = `bench_daily_${suffix}`;
  const bossSchema = `bench_boss_${suffix}`;
  const store = await openPostgresStore(url, { schema });
  for (let i = 0; i < TABLES; i++)
    await store.create(generateTable({ id: `d${i}`, conversation: `daily-${i}`, cases: 10, seed: i + 1 }));
  await store.close();
  const instances = Array.from({ length: INSTANCES }, () => instance(url, schema, bossSchema));
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await Promise.all(instances.map((i) => i.ready));
    const boss = await startBoss(url, { info() {}, error() {} }, bossSchema);
    const start = performance.now();
    await boss.send(TICK, null);
    const done = () =>
      admin
        .query<{ n: string }>(
          `select count(*) as n from ${bossSchema}.job where name = 'tafel-table' and state = 'completed'`,
        )
        .then((r) => Number(r.rows[0]?.n ?? 0));
    // A benchmark may look at the clock: it waits for all tables, or gives up after five minutes.
    let served = await done();
    while (served < TABLES && performance.now() - start < 300_000) {
      await new Promise((r) => setTimeout(r, 100));
      served = await done();
    }
    const seconds = (performance.now() - start) / 1000;
    await boss.stop({ graceful: false });
    return [
      {
        id: "B7.daily",
        what: `${served} of ${TABLES} tables served by ${INSTANCES} instances from one tick (10 cases each)`,
        value: seconds,
        unit: "s",
        budget: "≤ 60 s",
        ok: served === TABLES && seconds <= 60,
      },
    ];
  } finally {
    for (const i of instances) i.child.kill("SIGTERM");
    await admin
      .query(`drop schema ${schema} cascade; drop schema ${bossSchema} cascade`)
      .catch(() => undefined);
    await admin.end();
  }
}
