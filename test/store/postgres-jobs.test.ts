import type { PgBoss } from "pg-boss";
import { afterEach, describe, expect, it } from "vitest";
import { calendarCache } from "../../src/infra/calendars.ts";
import { SettableClock } from "../../src/infra/clock.ts";
import { jobsTotal, registry } from "../../src/infra/metrics.ts";
import { startBoss, startJobs, TABLE, TICK } from "../../src/scheduler/jobs.ts";
import { makeScheduler } from "../../src/scheduler/scheduler.ts";
import { harness, quietLogger } from "../support/harness.ts";
import { freshSchema, TEST_DATABASE_URL } from "../support/postgres.ts";

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

describe.skipIf(!TEST_DATABASE_URL)("the daily run on pg-boss", () => {
  it("serves every table from one tick, and a table that fails is retried alone, not with the tables fetched beside it", async () => {
    const schema = await freshSchema();
    cleanups.push(() => schema.drop());
    const store = await schema.open();
    const h = await harness({ store, at: "2026-10-08T07:00:00Z" });
    const names = ["a", "b", "c", "d", "e"];
    for (const n of names) await h.say("anna", `setup Tafel ${n}`, `conv-${n}`);
    const tables = await store.tables();
    const broken = tables[2]?.id as string;
    const scheduler = makeScheduler({
      store,
      calendars: calendarCache(),
      notifier: { caseNotices: async () => {}, deliver: async () => {} },
      logger: quietLogger,
      clock: new SettableClock(new Date("2026-10-08T07:05:00Z")),
    });
    const served: string[] = [];
    const boss: PgBoss = await startBoss(schema.url, quietLogger, `${schema.name}_boss`, true);
    const spy = boss.getSpy<{ table: string }>(TABLE);
    cleanups.unshift(() => boss.stop({ graceful: false, close: true }));
    await startJobs(boss, {
      scheduler: {
        ...scheduler,
        async tickTable(id, at) {
          if (id === broken) throw new Error("stuk");
          await scheduler.tickTable(id, at);
          served.push(id);
        },
      },
      store,
      clock: { now: () => new Date("2026-10-08T07:05:00Z") },
      logger: quietLogger,
    });
    const count = async (result: string) =>
      (await jobsTotal.get()).values.find((v) => v.labels.result === result)?.value ?? 0;
    const [completedBefore, failedBefore] = [await count("completed"), await count("failed")];
    await boss.send(TICK);
    // Waits for each table's job to settle, as pg-boss's spy sees it: the broken one failed, the others done.
    await Promise.all(
      tables.map((t) => spy.waitForJob((d) => d.table === t.id, t.id === broken ? "failed" : "completed")),
    );
    const jobs = await boss.findJobs<{ table: string }>(TABLE);
    expect(served.sort()).toEqual(
      tables
        .map((t) => t.id)
        .filter((id) => id !== broken)
        .sort(),
    );
    for (const job of jobs)
      expect([job.data.table, job.state]).toEqual([
        job.data.table,
        job.data.table === broken ? "retry" : "completed",
      ]);
    // The operator's figures: four jobs done, one failed, and the queue's depth scraped from pg-boss.
    expect(await count("completed")).toBe(completedBefore + 4);
    expect(await count("failed")).toBe(failedBefore + 1);
    expect(await registry.getSingleMetricAsString("tafel_jobs_queued")).toMatch(/tafel_jobs_queued \d+/);
  });
});
