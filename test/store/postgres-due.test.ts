import { afterEach, describe, expect, it } from "vitest";
import { ok } from "../../src/core/result.ts";
import { calendarCache } from "../../src/infra/calendars.ts";
import type { Clock, Store } from "../../src/ports.ts";
import { followChanges } from "../../src/scheduler/follow.ts";
import { makeScheduler } from "../../src/scheduler/scheduler.ts";
import { harness, quietLogger } from "../support/harness.ts";
import { freshSchema, TEST_DATABASE_URL } from "../support/postgres.ts";

const cleanups: Array<() => Promise<void>> = [];

/** The scheduler of one instance, with the kinds of message it sent. */
function schedulerOf(store: Store, clock: Clock) {
  const sent: string[] = [];
  const scheduler = makeScheduler({
    store,
    calendars: calendarCache(),
    notifier: { caseNotices: async () => {}, deliver: async (_t, m) => void sent.push(m.kind) },
    logger: quietLogger,
    clock,
  });
  return { sent, scheduler };
}
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

/**
 * Which tables have work is a query (issue #32): the scheduler visits a table when its reminder or digest time
 * comes, when it has a message to send, or when it changed, and otherwise leaves it unread.
 */
describe.skipIf(!TEST_DATABASE_URL)("PostgreSQL: the tables due for the scheduler", () => {
  it("visits a table at its times and after a change, not every minute, and a change by another keeps it due", async () => {
    const schema = await freshSchema();
    cleanups.push(schema.drop);
    const store = await schema.open();
    const h = await harness({ store, at: "2026-11-23T09:00:00Z" });
    await h.say("anna", "setup Triage regio=midden");
    await h.say("anna", "lid @piet leerplicht");
    await h.say("anna", "lid @joost school");
    await h.say("joost", "signaal 1234567 ongeoorloofd 4 20-11");
    await h.say("anna", 'actie C-1 @piet morgen "Bellen"');
    const { sent, scheduler } = schedulerOf(store, h.clock);
    const at = (iso: string) => new Date(iso);
    // Changed since it was made: due at once.
    expect(await store.dueTables(at("2026-11-23T09:00:00Z"))).toEqual(["console"]);
    await scheduler.tick(at("2026-11-23T09:00:00Z"));
    // 10:00 Amsterdam: past the reminder time, the day's message went; nothing more today.
    expect(sent).toContain("dag");
    expect(await store.dueTables(at("2026-11-23T09:01:00Z"))).toEqual([]);
    expect(await store.dueTables(at("2026-11-23T15:00:00Z"))).toEqual([]);
    // The next digest time (08:30 Amsterdam) brings it back.
    expect(await store.dueTables(at("2026-11-24T07:30:00Z"))).toEqual(["console"]);
    // A change makes it due now.
    await h.say("piet", 'besluit C-1 "Gesprek"');
    expect(await store.dueTables(at("2026-11-23T09:02:00Z"))).toEqual(["console"]);
    await scheduler.tick(at("2026-11-23T09:02:00Z"));
    expect(await store.dueTables(at("2026-11-23T09:03:00Z"))).toEqual([]);
    // Another instance changes the table after this one last read it: settling leaves it due.
    const other = await schema.open();
    await store.read("console");
    expect((await other.transact("console", (d) => ok(d.calendar.freeDays.push("2026-12-04")))).ok).toBe(
      true,
    );
    await store.settle?.("console", at("2026-11-24T07:30:00Z"));
    expect(await store.dueTables(at("2026-11-23T09:04:00Z"))).toEqual(["console"]);
  });

  it("ticks a table on the instance that changed it, at once; a change it did not tick stays due for the minute", async () => {
    const schema = await freshSchema();
    cleanups.push(schema.drop);
    const store = await schema.open();
    const h = await harness({ store, at: "2026-11-23T09:00:00Z" });
    const { sent, scheduler } = schedulerOf(store, h.clock);
    const follower = followChanges({ store, scheduler, clock: h.clock, logger: quietLogger });
    // Each line of the setup is taken: a refused one would leave the test proving nothing.
    const said = async (who: string, text: string) =>
      expect((await h.say(who, text)).reply.error).toBeUndefined();
    await said("anna", "setup Triage regio=midden");
    await said("anna", "lid @piet leerplicht");
    await said("anna", "lid @joost school");
    await said("joost", "signaal 1234567 ongeoorloofd 4 20-11");
    // 10:00 Amsterdam, past the reminder time: an agreement due tomorrow puts Piet's day message out now.
    await said("anna", 'actie C-1 @piet morgen "Bellen"');
    await follower.idle();
    expect(sent).toContain("dag");
    // Ticked and settled here: the minute's query passes it by, until its next digest time.
    expect(await store.dueTables(new Date("2026-11-23T09:01:00Z"))).toEqual([]);
    expect(await store.dueTables(new Date("2026-11-24T07:30:00Z"))).toEqual(["console"]);
    // A change on an instance that does not follow its changes (or died before its tick): due for the minute.
    const other = await schema.open();
    expect((await other.transact("console", (d) => ok(d.calendar.freeDays.push("2026-12-04")))).ok).toBe(
      true,
    );
    expect(await store.dueTables(new Date("2026-11-23T09:01:00Z"))).toEqual(["console"]);
    await other.close();
  });
});
