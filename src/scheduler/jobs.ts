import type { JobResult, PgBoss } from "pg-boss";
import { ZONE } from "../core/dates.ts";
import { jobsTotal, watchJobs } from "../infra/metrics.ts";
import type { Clock, Logger, Store } from "../ports.ts";
import { type Follower, followChanges } from "./follow.ts";
import { dueTables, type Scheduler } from "./scheduler.ts";

/** Once a minute, one job for the whole deployment: it hands out a job per table. */
export const TICK = "tafel-tick";
/** What is due in one table: reminders, digests, the daily rules check and retention purge. */
export const TABLE = "tafel-table";

/** How long a table's job may go without its worker's heartbeat before another instance takes the table. */
export const HEARTBEAT_SECONDS = 30;

export interface JobOptions {
  /** Seconds between a worker's looks for work when no notification wakes it. */
  pollingIntervalSeconds?: number;
}

/**
 * The scheduler on PostgreSQL (DESIGN.md §6): pg-boss turns the cron schedule into one tick job a minute however
 * many instances run, and keeps at most one job per table queued and one running (`stately`), so two instances
 * never work on one table's reminders at once. A job lost with its instance expires and is retried, or, where
 * the table already has a job in retry (a stately queue holds one), failed: the next minute's job takes the table
 * up again. What a table owes is derived from its state and outbox, so a late or repeated job sends nothing twice.
 */
export async function startJobs(
  boss: PgBoss,
  deps: { scheduler: Scheduler; store: Store; clock: Clock; logger: Logger },
  options: JobOptions = {},
): Promise<Follower> {
  await boss.createQueue(TICK, { policy: "stately", expireInSeconds: 300, notify: true });
  await boss.updateQueue(TICK, { expireInSeconds: 300, notify: true });
  // A live worker heartbeats its table's job; one whose instance died is retried after 30 s without a heartbeat
  // (plus pg-boss's supervision interval), instead of after the 15-minute expiry.
  const table = {
    policy: "stately",
    expireInSeconds: 900,
    heartbeatSeconds: HEARTBEAT_SECONDS,
    retryLimit: 3,
    retryDelay: 30,
    // A new table job wakes the workers of every instance (LISTEN/NOTIFY) instead of waiting for their poll.
    notify: true,
  } as const;
  await boss.createQueue(TABLE, table);
  // A deployment whose queue was made before: the same options (its policy cannot change, and need not).
  const { policy: _, ...settings } = table;
  await boss.updateQueue(TABLE, settings);
  await boss.schedule(TICK, "* * * * *", null, { tz: ZONE });
  watchJobs(async () => {
    const q = await boss.getQueue(TABLE);
    return { queued: q?.queuedCount ?? 0, active: q?.activeCount ?? 0 };
  });
  const polling = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 5 };
  // One statement for all tables: a job each, none where the table still has one (stately, ON CONFLICT).
  await boss.work(TICK, polling, async () => {
    // Only the tables that may have work this minute (a query, issue #32), not a job for every table.
    const due = await dueTables(deps.store, deps.clock.now());
    const jobs = due.map((id) => ({ data: { table: id }, singletonKey: id }));
    if (jobs.length > 0) await boss.insert(TABLE, jobs);
  });
  // Tables in batches, fetched again at once while batches come back full, by several workers an instance: the
  // 09:00 run of 500 tables is not one table per worker per poll. Each table settles on its own: one that
  // fails is retried alone, not with its batch.
  await boss.work<{ table: string }>(
    TABLE,
    { ...polling, batchSize: BATCH, burstWhenBatchFull: true, localConcurrency: 4, perJobResults: true },
    async (batch) => {
      const results: JobResult[] = [];
      for (const job of batch)
        try {
          await deps.scheduler.tickTable(job.data.table, deps.clock.now());
          results.push({ id: job.id, status: "completed" });
          jobsTotal.inc({ result: "completed" });
        } catch (e) {
          deps.logger.error("table-job-failed", { table: job.data.table, code: (e as Error).name });
          results.push({ id: job.id, status: "failed", output: { code: (e as Error).name } });
          jobsTotal.inc({ result: "failed" });
        }
      return results;
    },
  );
  // The tables this instance changes are ticked here at once; the jobs above are for the rest.
  return followChanges(deps);
}

/** Tables a worker takes at once; with four workers an instance, forty tables in hand at most. */
const BATCH = 10;

/** A pg-boss of this deployment, in its own schema beside Tafel's; it creates and migrates that schema. */
export async function startBoss(
  url: string,
  logger: Logger,
  schema = "pgboss",
  /** For tests: pg-boss's job spies, to wait for a job's state instead of polling for it. */
  spies = false,
): Promise<PgBoss> {
  const { PgBoss } = await import("pg-boss");
  const boss = new PgBoss({
    connectionString: url,
    schema,
    application_name: "tafel-jobs",
    useListenNotify: true,
    ...(spies ? { __test__enableSpies: true } : {}),
  });
  boss.on("error", (e: Error) => logger.error("jobs-error", { code: e.name }));
  return boss.start();
}
