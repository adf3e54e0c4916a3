import { mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inlineStreams } from "../../adapters/console/files.ts";
import { renderReply } from "../../adapters/console/render.ts";
import { type DispatchDeps, dispatch } from "../../commands/dispatch.ts";
import { noticesAsPosts } from "../../commands/notify.ts";
import { outboundAsPosts } from "../../commands/outbound.ts";
import type { Outcome, Post } from "../../commands/types.ts";
import { makeUseCases } from "../../src/app/index.ts";
import { backgroundQueue } from "../../src/infra/background.ts";
import { calendarCache } from "../../src/infra/calendars.ts";
import { SettableClock } from "../../src/infra/clock.ts";
import { hmacPseudonymizer } from "../../src/infra/pseudonymizer.ts";
import type { Logger, Store } from "../../src/ports.ts";
import { makeScheduler } from "../../src/scheduler/scheduler.ts";
import { openFileStore, openMemoryStore } from "../../src/store/lowdb/store.ts";

/** Built once for the whole test file: every harness shares the region calendars. */
const sharedCalendars = calendarCache();

export const TEST_KEY = "7a".repeat(32);
export const quietLogger: Logger & { events: string[] } = Object.assign(
  { events: [] as string[] },
  {
    info() {},
    error(event: string) {
      quietLogger.events.push(event);
    },
  },
);

export async function tempDir(
  prefix = "tafel-test-",
): Promise<{ path: string; remove: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), prefix));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

/** A whole bot on a store of choice, driven as one conversation: `say("anna", "casus C-1")`. */
export async function harness(opts: { store?: Store; dir?: string; at?: string } = {}) {
  const clock = new SettableClock(new Date(opts.at ?? "2026-11-23T09:00:00Z"));
  const store = opts.store ?? (opts.dir ? await openFileStore(opts.dir) : await openMemoryStore());
  const background = backgroundQueue(quietLogger);
  const notified: Post[] = [];
  const deps: DispatchDeps = {
    use: makeUseCases({
      store,
      clock,
      pseudonymizer: hmacPseudonymizer(Buffer.from(TEST_KEY, "hex")),
      calendars: sharedCalendars,
      background,
      notifier: {
        caseNotices: async (tableId, notices) => {
          notified.push(...(await noticesAsPosts(store, tableId, notices)));
        },
        deliver: async (tableId, message) => {
          notified.push(...(await outboundAsPosts(store, tableId, message)));
        },
      },
    }),
    store,
    clock,
    logger: quietLogger,
    defaultLanguage: "nl",
  };
  let seq = 0;
  // As the console answers: a file made as it is delivered (the export) is in the reply whole.
  const say = async (who: string, text: string, conversation = "console"): Promise<Outcome> => {
    const outcome = await dispatch(deps, {
      text,
      actor: { id: who, handle: who },
      conversation,
      correlationId: `t-${++seq}`,
    });
    return { ...outcome, reply: await inlineStreams(outcome.reply) };
  };
  return { deps, store, clock, say, background, notified };
}

/** The scheduler on a store, sending nowhere: for what a tick writes (purges, the outbox), not what it sends. */
export const silentScheduler = (store: Store) =>
  makeScheduler({
    store,
    calendars: sharedCalendars,
    notifier: { caseNotices: async () => {}, deliver: async () => {} },
    logger: quietLogger,
    clock: { now: () => new Date() },
  });

/** A standard table: anna chairs, piet is leerplicht, joost is school. */
export async function tableWithMembers(opts: Parameters<typeof harness>[0] = {}) {
  const h = await harness(opts);
  await h.say("anna", "setup Triage Druten regio=midden");
  await h.say("anna", "lid @piet leerplicht Gemeente Druten");
  await h.say("anna", "lid @joost school");
  return h;
}

/** The reply as the console shows it, for matching by text. */
export const text = (o: Outcome) => renderReply(o.reply, "x").join("\n");

/** Every file below a directory with its bytes, to prove that a refused command wrote nothing. */
export async function snapshotDir(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true })) {
    const p = join(dir, entry);
    if ((await stat(p)).isFile() && !p.includes("tafel.lock"))
      out[entry] = (await readFile(p)).toString("base64");
  }
  return out;
}
