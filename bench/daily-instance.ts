/**
 * One Tafel instance of the daily-run benchmark (bench/daily.ts), in its own process: the PostgreSQL store and
 * pg-boss jobs as `npm start` runs them, its clock at the benchmark's morning and a platform that takes a
 * message in 20 ms. Says `ready` once its workers run; stops on SIGTERM.
 */
import { calendarCache } from "../src/infra/calendars.ts";
import { startBoss, startJobs } from "../src/scheduler/jobs.ts";
import { makeScheduler } from "../src/scheduler/scheduler.ts";
import { openPostgresStore } from "../src/store/postgres/store.ts";

const [url, schema, bossSchema, at] = process.argv.slice(2) as [string, string, string, string];
const logger = { info() {}, error() {} };
const clock = { now: () => new Date(at) };
const store = await openPostgresStore(url, { schema });
const platform = () => new Promise<void>((resolve) => setTimeout(resolve, 20));
const scheduler = makeScheduler({
  store,
  calendars: calendarCache(),
  notifier: { caseNotices: platform, deliver: platform },
  logger,
  clock,
});
const boss = await startBoss(url, logger, bossSchema);
await startJobs(boss, { scheduler, store, clock, logger });
process.stdout.write("ready\n");
process.on("SIGTERM", async () => {
  await boss.stop({ graceful: false });
  await store.close();
  process.exit(0);
});
