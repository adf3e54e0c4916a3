/**
 * One Tafel instance of the scale benchmark (bench/scale.ts), in its own process: the PostgreSQL store within a
 * cache budget (or unbounded, as before issue #32), pg-boss jobs, a platform that takes a message in 20 ms and
 * records it, and its share of the commands, dispatched as the adapters do. Says `ready`, then on `go` runs its
 * commands for the given seconds at its rate; on `report` stops taking jobs and prints what it measured as one JSON
 * line.
 */
import { createHash } from "node:crypto";
import { createInterface } from "node:readline";
import { dispatch } from "../commands/dispatch.ts";
import { calendarCache } from "../src/infra/calendars.ts";
import { startBoss, startJobs } from "../src/scheduler/jobs.ts";
import { makeScheduler } from "../src/scheduler/scheduler.ts";
import { openPostgresStore } from "../src/store/postgres/store.ts";
import { MEMBER_IDS } from "./generate.ts";
import { benchUseCases, commandMix, rng } from "./support.ts";

const [url, schema, bossSchema, at, cacheMb, tables, cases, seed] = process.argv.slice(2) as string[];
const logger = { info() {}, error() {} };
const clock = { now: () => new Date(at as string) };
const store = await openPostgresStore(url as string, {
  schema: schema as string,
  ...(cacheMb === "unbounded" ? {} : { cacheMb: Number(cacheMb) }),
});
/** Each message as delivered, by a digest of its table and content: a message sent twice shows as a count of 2. */
const delivered = new Map<string, number>();
const platform = (tableId: string, message: unknown) =>
  new Promise<void>((resolve) => {
    const key = createHash("sha256")
      .update(`${tableId} ${JSON.stringify(message)}`)
      .digest("hex");
    delivered.set(key, (delivered.get(key) ?? 0) + 1);
    setTimeout(resolve, 20);
  });
const scheduler = makeScheduler({
  store,
  calendars: calendarCache(),
  notifier: { caseNotices: async () => {}, deliver: platform },
  logger,
  clock,
});
const boss = await startBoss(url as string, logger, bossSchema as string);
const follower = await startJobs(boss, { scheduler, store, clock, logger });

let peakRss = process.memoryUsage().rss;
setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 250).unref();

const deps = { ...benchUseCases(store), logger };
// The commands' clock is the scheduler's, as in a running instance: a command dated before the scheduler's day made
// its case's regie holder look ten school days quiet, and each such table was ticked whole for the day message.
deps.clock.set(clock.now());
const ms: number[] = [];
let failed = 0;
let read = { loads: 0, views: 0 };
/** Untimed commands first, as the small table's baseline has: a service answers warm, not from its first start. */
const WARM = 50;
/** Commands at `rate` a second for `seconds`, each on a table drawn at random, started on the clock, not after the last. */
async function run(seconds: number, rate: number) {
  const draw = rng(Number(seed));
  const next = () => Math.floor(draw() * 2 ** 31);
  const command = (i: number, table: number) =>
    dispatch(deps, {
      text: commandMix(next(), Number(cases), true),
      actor: { id: MEMBER_IDS[1] as string, handle: "m1" },
      conversation: `scale-${table}`,
      correlationId: `s${i}`,
    });
  for (let i = -WARM; i < 0; i++) await command(i, next() % Number(tables));
  await follower.idle();
  const started = performance.now();
  const pending: Array<Promise<void>> = [];
  for (let i = 0; performance.now() - started < seconds * 1000; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const table = next() % Number(tables);
    const t0 = performance.now();
    pending.push(
      command(i, table).then((o) => {
        ms.push(performance.now() - t0);
        if (o.reply.error && o.reply.error.code !== "dubbel-signaal") failed++;
      }),
    );
  }
  await Promise.all(pending);
}

process.stdout.write("ready\n");
createInterface({ input: process.stdin }).on("line", async (line) => {
  const [verb, a, b] = line.split(" ");
  if (verb === "go") {
    const before = store.cacheStats();
    await run(Number(a), Number(b));
    // The whole tables and case views the commands and their ticks read, the daily run's not counted.
    const after = store.cacheStats();
    read = { loads: after.loads - before.loads, views: after.views - before.views };
    process.stdout.write("done\n");
  } else if (verb === "report") {
    // Its jobs finish and no new one starts: what it delivered is then all it will deliver before it is counted.
    await boss.stop({ graceful: true });
    process.stdout.write(
      `${JSON.stringify({
        ms,
        failed,
        peakRss,
        delivered: [...delivered.entries()],
        cache: store.cacheStats(),
        read,
      })}\n`,
    );
  }
});
process.on("SIGTERM", async () => {
  await boss.stop({ graceful: false });
  await store.close();
  process.exit(0);
});
