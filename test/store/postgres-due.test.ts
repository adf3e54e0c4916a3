import pg from "pg";
import { afterEach, describe, expect, it, vi } from "vitest";
import { MEMBER_IDS } from "../../bench/generate.ts";
import { ok } from "../../src/core/result.ts";
import { calendarCache } from "../../src/infra/calendars.ts";
import type { CaseChange, Clock, Store } from "../../src/ports.ts";
import { followChanges } from "../../src/scheduler/follow.ts";
import { makeScheduler } from "../../src/scheduler/scheduler.ts";
import { caseTable } from "../support/case-table.ts";
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

/**
 * After a command about one case at a table that was not due (issue #32): the tick weighs that case's view, and
 * when the change made nothing due, leaves the table due when it was, without loading it whole.
 */
describe.skipIf(!TEST_DATABASE_URL)("PostgreSQL: the tick after a command about one case", () => {
  const AT = "2026-11-23T09:00:00Z";
  const [chair, officer, , school] = MEMBER_IDS as [string, string, string, string];
  /** The generated table with a new member, ticked and settled by one instance; and a second that holds nothing. */
  async function settledTable() {
    const schema = await caseTable(cleanups, AT, school);
    const first = await schema.open();
    const h = await harness({ store: first, at: AT });
    expect((await h.say(chair, "lid @nieuw school", "c")).reply.error).toBeUndefined();
    await schedulerOf(first, h.clock).scheduler.tick(new Date(AT));
    expect(await first.dueTables(new Date(AT))).toEqual([]);
    const second = await schema.open();
    return { schema, first, h, second, g: await harness({ store: second, at: AT }) };
  }
  const said = async (h: Awaited<ReturnType<typeof harness>>, who: string, text: string) =>
    expect((await h.say(who, text, "c")).reply.error).toBeUndefined();

  it("weighs the case alone when nothing new is due, and the whole table when something is", async () => {
    const { second, g } = await settledTable();
    const { sent, scheduler } = schedulerOf(second, g.clock);
    const follower = followChanges({ store: second, scheduler, clock: g.clock, logger: quietLogger });
    const statements = vi.spyOn(pg.Pool.prototype, "query");
    await said(g, school, "signaal C-3 ziek 1 20-11");
    await follower.idle();
    const asked = statements.mock.calls.map(([q]) =>
      typeof q === "string" ? q : (q as pg.QueryConfig).text,
    );
    statements.mockRestore();
    // The tick took the view the command left as it was, region and all: after the change, only the settle.
    expect(asked.slice(asked.findIndex((q) => q.includes("returning version")) + 1)).toEqual([
      expect.stringMatching(/update tafel_tables set due_at/),
    ]);
    // Nothing was due: no message, the table not loaded (the tick weighed the case in the view the command read),
    // and due again at its next digest time, not now.
    expect(sent).toEqual([]);
    expect(second.cacheStats()).toMatchObject({ loads: 0, tables: 0, views: 1 });
    expect(await second.dueTables(new Date("2026-11-23T09:01:00Z"))).toEqual([]);
    expect(await second.dueTables(new Date("2026-11-24T07:30:00Z"))).toEqual(["t"]);
    // An agreement for tomorrow for a member who had no message today: the day's message goes out now.
    await said(g, officer, 'actie C-3 @nieuw morgen "Bellen"');
    await follower.idle();
    expect(sent).toEqual(["dag"]);
    expect(second.cacheStats().loads).toBe(1);
    expect(await second.dueTables(new Date("2026-11-23T09:01:00Z"))).toEqual([]);
  });

  it("leaves the table due when another instance changed it before the tick", async () => {
    const { h, second, g } = await settledTable();
    const changes: Array<CaseChange | undefined> = [];
    second.onChanged((_id, change) => changes.push(change));
    await said(g, school, "signaal C-3 ziek 1 20-11");
    const change = changes[0];
    expect(change).toMatchObject({ caseId: "C-3", dueBefore: new Date("2026-11-24T07:30:00Z") });
    // Another case, on the other instance, which does not tick its changes.
    await said(h, school, "signaal C-4 ziek 1 20-11");
    await schedulerOf(second, g.clock).scheduler.followCase("t", change as CaseChange, new Date(AT));
    expect(await second.dueTables(new Date("2026-11-23T09:01:00Z"))).toEqual(["t"]);
    // The tick weighed the view the command left, and its settle found the table moved on since.
    expect(second.cacheStats()).toMatchObject({ loads: 0, views: 1 });
  });

  it("tells of no case when the table was due already, or another's change came between the work's own", async () => {
    const { first, h, second } = await settledTable();
    const changes: Array<CaseChange | undefined> = [];
    second.onChanged((_id, change) => changes.push(change));
    const note = (text: string) =>
      second.transact("t", (d) => {
        const c = d.cases.find((x) => x.id === "C-3");
        if (c) c.note = text;
        return ok(null);
      });
    // Two changes of its own in one piece of work: due as before the first.
    await second.about("t", "C-3", async () => {
      await note("Een");
      await note("Twee");
    });
    expect(changes.pop()).toMatchObject({ dueBefore: new Date("2026-11-24T07:30:00Z") });
    // Not ticked, so due now: the next change tells of no case.
    await second.about("t", "C-3", () => note("Drie"));
    expect(changes.pop()).toBeUndefined();
    // Settled again; then another instance's change between this work's two.
    await schedulerOf(first, h.clock).scheduler.tick(new Date(AT));
    await second.about("t", "C-3", async () => {
      await note("Vier");
      expect((await first.transact("t", (d) => ok(d.calendar.freeDays.push("2026-12-04")))).ok).toBe(true);
      await note("Vijf");
    });
    expect(changes.pop()).toBeUndefined();
  });
});
