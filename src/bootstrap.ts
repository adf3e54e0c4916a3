import { makeUseCases } from "./app/index.ts";
import type { Config } from "./config.ts";
import { calendarEnd, calendarStatus } from "./core/calendar/data.ts";
import { localDate } from "./core/dates.ts";
import { backgroundQueue } from "./infra/background.ts";
import { calendarCache } from "./infra/calendars.ts";
import { hmacPseudonymizer, loadPupilKey } from "./infra/pseudonymizer.ts";
import type { Clock, Logger, Notifier, Store } from "./ports.ts";
import { makeScheduler } from "./scheduler/scheduler.ts";
import { openFileStore, openMemoryStore } from "./store/lowdb/store.ts";

export interface ServiceOptions {
  /** null: keep everything in memory. */
  dataDir: string | null;
  /** PostgreSQL instead of the data directory (the directory is then not used). */
  databaseUrl?: string | null;
  clock: Clock;
  logger: Logger;
  /** How the running adapters tell a table what was noticed outside a command; it may read the store. */
  notifier: (store: Store) => Notifier;
}

export type Services = ReturnType<typeof wire>;

/** Wires the store, the key, the calendars and the use cases; shared by every entry point. */
export async function createServices(config: Config, opts: ServiceOptions): Promise<Services> {
  // The calendar refuses to guess: without a school year's holidays no rule, reminder or purge would be right.
  const today = localDate(opts.clock.now());
  const calendar = calendarStatus(today);
  if (calendar === "ended")
    throw new Error(
      `The school calendar ends on ${calendarEnd()}: add the next school year's holidays to src/core/calendar/school-holidays.json (docs/reference.md, "Adding a school year") before running Tafel.`,
    );
  if (calendar === "ends-soon") opts.logger.error("calendar-ends-soon", { end: calendarEnd() });
  // pg is loaded only for a database: an embedded Tafel has no use for it (a few MiB resident).
  const store = opts.databaseUrl
    ? await (await import("./store/postgres/store.ts")).openPostgresStore(opts.databaseUrl, {
        cacheMb: config.TAFEL_CACHE_MB,
      })
    : opts.dataDir === null
      ? await openMemoryStore()
      : await openFileStore(opts.dataDir, {
          now: () => opts.clock.now(),
          // Another process took the directory over (this one was paused past its lease): it must write no more.
          // The store already refuses; the process stops with one log line, and a supervisor starts it again.
          lease: {
            onLost: () => {
              opts.logger.error("store-lock-lost", {});
              process.exit(75);
            },
          },
        });
  try {
    const key = await loadPupilKey(opts.databaseUrl ? null : opts.dataDir, config.TAFEL_PUPIL_KEY);
    return wire(store, key, config, opts);
  } catch (e) {
    await store.close();
    throw e;
  }
}

function wire(store: Store, key: Buffer, config: Config, opts: ServiceOptions) {
  const background = backgroundQueue(opts.logger);
  const calendars = calendarCache();
  const notifier = opts.notifier(store);
  const use = makeUseCases({
    store,
    clock: opts.clock,
    pseudonymizer: hmacPseudonymizer(key),
    calendars,
    background,
    notifier,
  });
  const scheduler = makeScheduler({ store, calendars, notifier, logger: opts.logger, clock: opts.clock });
  return {
    use,
    store,
    background,
    scheduler,
    clock: opts.clock,
    logger: opts.logger,
    defaultLanguage: config.TAFEL_LANGUAGE,
  };
}
