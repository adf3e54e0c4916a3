import type pg from "pg";
import type { PgBoss } from "pg-boss";
import { afterEach, describe, expect, it } from "vitest";
import type { Outcome } from "../../commands/types.ts";
import { ok } from "../../src/core/result.ts";
import { calendarCache } from "../../src/infra/calendars.ts";
import { SettableClock } from "../../src/infra/clock.ts";
import type { Notifier } from "../../src/ports.ts";
import { startBoss, startJobs, TABLE, TICK } from "../../src/scheduler/jobs.ts";
import { makeScheduler } from "../../src/scheduler/scheduler.ts";
import type { PostgresStore } from "../../src/store/postgres/store.ts";
import { harness, quietLogger, silentScheduler, text } from "../support/harness.ts";
import { freshSchema, TEST_DATABASE_URL } from "../support/postgres.ts";

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

/** Three instances of the store on one fresh schema. */
async function instances() {
  const schema = await freshSchema();
  cleanups.push(schema.drop);
  const stores: [PostgresStore, PostgresStore, PostgresStore] = [
    await schema.open(),
    await schema.open(),
    await schema.open(),
  ];
  return { schema, stores };
}

/** The sessions waiting on this one, directly or behind another that waits on it (a row's lock queue). */
const BLOCKED_BY_ME = `with recursive chain(pid) as (
    select pid from pg_stat_activity where pg_backend_pid() = any(pg_blocking_pids(pid))
    union
    select a.pid from pg_stat_activity a join chain c on c.pid = any(pg_blocking_pids(a.pid))
  ) select count(*)::int as n from chain`;

/**
 * Holds the table's row so that the commits of the changes started meanwhile queue behind it, each made on the
 * version it read; `release` lets them go at once, so exactly one of them lands first. It releases when the
 * database shows that many sessions queued behind this hold (the contention itself), and says how many there were.
 */
async function holdTable(admin: pg.Client, schema: string, tableId: string) {
  await admin.query("begin");
  await admin.query(`select 1 from ${schema}.tafel_tables where id = $1 for update`, [tableId]);
  return {
    async release(waiting: number) {
      let blocked = 0;
      // Asked again until it is so: each question is a round trip, and the test's own timeout bounds the wait.
      while (blocked < waiting) {
        const { rows } = await admin.query<{ n: number }>(BLOCKED_BY_ME);
        blocked = rows[0]?.n ?? 0;
      }
      await admin.query("commit");
      return blocked;
    },
  };
}

/** A table on the first instance with three members, two cases and open agreements. */
async function table(
  stores: readonly [PostgresStore, PostgresStore, ...PostgresStore[]],
  at = "2026-10-01T10:00:00Z",
) {
  const [a, b] = [await harness({ store: stores[0], at }), await harness({ store: stores[1], at })];
  await a.say("anna", "setup Noord regio=noord");
  await a.say("anna", "lid @piet leerplicht");
  await a.say("anna", "lid @joost school");
  await a.say("joost", "signaal 1234567 ongeoorloofd 4 30-9");
  await a.say("joost", "signaal 7654321 ongeoorloofd 2 30-9");
  await a.say("piet", "regie C-1 neem");
  await a.say("piet", 'actie C-1 @joost 9-10 "Voor de vakantie"');
  await a.say("piet", 'actie C-2 @piet 21-10 "Na de vakantie"');
  return [a, b] as const;
}

describe.skipIf(!TEST_DATABASE_URL)("PostgreSQL with several instances", () => {
  it("an instance reads what another wrote, and only what changed since it last looked", async () => {
    const { stores } = await instances();
    const [a, b] = await table(stores);
    expect(text(await b.say("piet", "casus C-1"))).toContain("Regie: @piet");
    await a.say("anna", "lid @kees jgz");
    await a.say("joost", "signaal 1234567 ongeoorloofd 2 29-9");
    const seen = await stores[1].read("console");
    expect(seen.members.map((m) => m.handle)).toContain("kees");
    expect(seen).toEqual(await stores[0].read("console"));
  });

  it("refuses a table whose rows do not fit the schema when an instance reads it: an element, a part gone", async () => {
    const { schema, stores } = await instances();
    await table(stores);
    const row = `$s.tafel_parts where table_id = 'console' and part = 'actions' and idx = 0`;
    const sql = (q: string, params: unknown[] = []) =>
      schema.admin.query(q.replaceAll("$s", schema.name), params);
    const { rows } = await sql(`select body::text as body from ${row}`);
    await sql(`update ${row.replace("where", "set body = '{\"id\": 5}' where")}`);
    await expect((await schema.open()).read("console")).rejects.toThrow("does not match schema");
    await sql(`update ${row.replace("where", "set body = $1::json where")}`, [rows[0]?.body]);
    expect((await (await schema.open()).read("console")).actions.length).toBeGreaterThan(0);
    await sql(`delete from $s.tafel_parts where table_id = 'console' and part = 'policy'`);
    await expect((await schema.open()).read("console")).rejects.toThrow("does not match schema");
  });

  it("of two edits of one case at once, one lands and the other's author is told gewijzigd; nothing is lost", async () => {
    const { schema, stores } = await instances();
    const [a, b] = await table(stores);
    const hold = await holdTable(schema.admin, schema.name, "console");
    const commands: [() => Promise<Outcome>, () => Promise<Outcome>] = [
      () => a.say("joost", "signaal 1234567 ongeoorloofd 3 28-9"),
      () => b.say("piet", "signaal 1234567 ongeoorloofd 5 29-9"),
    ];
    const edits = commands.map((c) => c());
    expect(await hold.release(2)).toBe(2);
    const replies = await Promise.all(edits);
    const refused = replies.filter((r) => r.reply.error);
    expect(refused).toHaveLength(1);
    const [loser] = refused as [(typeof refused)[number]];
    expect(loser.reply.error?.code).toBe("gewijzigd");
    expect(text(loser)).toContain("gewijzigd, probeer opnieuw");
    const signals = async () =>
      (await stores[0].read("console")).cases
        .flatMap((c) => (c.id === "C-1" ? c.signals : []))
        .map((s) => s.hours);
    expect((await signals()).length).toBe(2);
    // Trying again works, on the table as the other edit left it.
    const again = replies[0] === loser ? commands[0] : commands[1];
    expect((await again()).reply.error).toBeUndefined();
    expect((await signals()).sort()).toEqual([3, 4, 5]);
  });

  it("edits of different records at once both land: the later one is made again on the newer table", async () => {
    const { schema, stores } = await instances();
    const [a, b] = await table(stores);
    const hold = await holdTable(schema.admin, schema.name, "console");
    const edits = [
      a.say("joost", "signaal 1234567 ongeoorloofd 3 28-9"),
      b.say("joost", "signaal 9999999 ongeoorloofd 1 29-9"),
    ];
    expect(await hold.release(2)).toBe(2);
    for (const r of await Promise.all(edits)) expect(r.reply.error).toBeUndefined();
    const doc = await stores[1].read("console");
    expect(doc.cases.map((c) => c.id)).toEqual(["C-1", "C-2", "C-3"]);
    expect(doc.cases.map((c) => c.signals.length)).toEqual([2, 1, 1]);
    expect(doc.counters.case).toBe(3);
  });

  it("three instances editing one case at once: every acknowledged edit is kept, every other was told", async () => {
    const { stores } = await instances();
    await table(stores);
    const tries = stores.flatMap((store, i) =>
      Array.from({ length: 12 }, (_, k) =>
        store
          .transact("console", (d) => {
            d.cases.find((c) => c.id === "C-1")?.notices.push(`i${i}-${k}`);
            return ok(`i${i}-${k}`);
          })
          .then((r) => (r.ok ? r.value : r.error.code)),
      ),
    );
    const outcomes = await Promise.all(tries);
    const landed = outcomes.filter((o) => o !== "gewijzigd");
    expect(landed.length + outcomes.filter((o) => o === "gewijzigd").length).toBe(36);
    for (const store of stores) {
      const notices = (await store.read("console")).cases.flatMap((c) => (c.id === "C-1" ? c.notices : []));
      expect([...notices].sort()).toEqual([...landed].sort());
    }
  });

  it("refuses none of 3 × 60 appends on one case: lost races are made again, not refused", async () => {
    const { stores } = await instances();
    await table(stores);
    const at = "2026-10-01T10:00:00Z";
    const bots = [await harness({ store: stores[0], at }), await harness({ store: stores[1], at })];
    bots.push(await harness({ store: stores[2], at }));
    const lines = (i: number, k: number) =>
      k % 3 === 0 ? `besluit C-1 "Besluit ${i}-${k}"` : `actie C-1 @joost 9-10 "Afspraak ${i}-${k}"`;
    const outcomes = await Promise.all(
      bots.flatMap((bot, i) => Array.from({ length: 60 }, (_, k) => bot.say("piet", lines(i, k)))),
    );
    expect(outcomes.filter((o) => o.reply.error).map((o) => o.reply.error?.code)).toEqual([]);
    // The contention happened: instances lost commits to each other and made them again.
    expect(stores.reduce((n, s) => n + s.lostRaces, 0)).toBeGreaterThan(0);
    const doc = await stores[0].read("console");
    expect(doc.decisions).toHaveLength(60);
    expect(doc.actions).toHaveLength(2 + 120);
  });

  it("three schedulers ticking at once send each reminder exactly once", async () => {
    const { stores } = await instances();
    await table(stores);
    const sent: string[] = [];
    const schedulers = stores.map((store) => {
      const notifier: Notifier = {
        caseNotices: async () => {},
        deliver: async (_t, m) => {
          sent.push(m.kind === "dag" ? `dag:${m.date}:${m.to}` : `${m.kind}:${"date" in m ? m.date : ""}`);
        },
      };
      return makeScheduler({
        store,
        calendars: calendarCache(),
        notifier,
        logger: quietLogger,
        clock: { now: () => new Date() },
      });
    });
    for (const at of [
      "2026-10-05T06:30:00Z",
      "2026-10-05T07:00:00Z",
      "2026-10-08T07:00:00Z",
      "2026-10-09T07:00:00Z",
    ])
      await Promise.all(schedulers.map((s) => s.tick(new Date(at))));
    expect(sent.sort()).toEqual([
      "dag:2026-10-08:anna",
      "dag:2026-10-08:joost",
      "dag:2026-10-09:joost",
      "week:2026-10-05",
    ]);
    expect([...sent].sort()).toEqual([...new Set(sent)].sort());
    const outbox = (await stores[2].read("console")).outbox;
    expect(outbox.map((e) => e.key).sort()).toEqual(
      outbox
        .filter((e) => e.sentAt !== null)
        .map((e) => e.key)
        .sort(),
    );
    expect(outbox).toHaveLength(sent.length);
  });

  it("three instances on pg-boss: each instance's tick job at once, each reminder sent exactly once", async () => {
    const { schema, stores } = await instances();
    await table(stores);
    const clock = new SettableClock(new Date("2026-10-08T07:00:00Z"));
    const sent: string[] = [];
    const bosses: PgBoss[] = [];
    cleanups.unshift(async () => {
      for (const boss of bosses) await boss.stop({ graceful: false, close: true });
    });
    for (const store of stores) {
      const notifier: Notifier = {
        caseNotices: async () => {},
        deliver: async (_t, m) => {
          sent.push(m.kind === "dag" ? `dag:${m.date}:${m.to}` : `${m.kind}:${"date" in m ? m.date : ""}`);
        },
      };
      const scheduler = makeScheduler({
        store,
        calendars: calendarCache(),
        notifier,
        logger: quietLogger,
        clock,
      });
      const boss = await startBoss(schema.url, quietLogger, `${schema.name}_boss`, true);
      // A spy records only what happens after it is made: made before any job, it misses no completion.
      boss.getSpy(TICK);
      boss.getSpy(TABLE);
      bosses.push(boss);
      await startJobs(
        boss,
        { scheduler, store, clock, logger: quietLogger },
        { pollingIntervalSeconds: 0.5 },
      );
    }
    const settled = async () => {
      const outbox = (await stores[0].read("console")).outbox;
      return outbox.length > 0 && outbox.every((e) => e.sentAt !== null);
    };
    // Done when no tick or table job is left: each job still open is waited for through pg-boss's job spies, on
    // whichever instance completes it (events, so a busy machine is waited for, not timed out); a tick queues its
    // table job before it completes, so the next look finds it. A job that failed on a loaded machine (a pool
    // that timed out) is retried after the queue's 30 s and waited for too: hence the test's longer timeout.
    const drain = async () => {
      for (;;) {
        const boss = bosses[0] as PgBoss;
        const open = [...(await boss.findJobs(TICK)), ...(await boss.findJobs(TABLE))].filter(
          (j) => j.state !== "completed" && j.state !== "failed" && j.state !== "cancelled",
        );
        if (open.length === 0) return;
        await Promise.all(
          open.map((j) =>
            Promise.race(bosses.map((b) => b.getSpy(j.name).waitForJobWithId(j.id, "completed"))),
          ),
        );
      }
    };
    await Promise.all(bosses.map((boss) => boss.send(TICK)));
    await drain();
    expect(await settled()).toBe(true);
    // A second round of ticks, as the next minute's cron would bring, finds nothing left to send.
    await Promise.all(bosses.map((boss) => boss.send(TICK)));
    await drain();
    expect(await settled()).toBe(true);
    expect(sent.sort()).toEqual(["dag:2026-10-08:anna", "dag:2026-10-08:joost"]);
  }, 120_000);
});

describe.skipIf(!TEST_DATABASE_URL)("deliveries on PostgreSQL", () => {
  it("three instances claiming the same deliveries at once: each is first on exactly one", async () => {
    const { stores } = await instances();
    const keys = Array.from({ length: 20 }, (_, i) => `activity:${i}`);
    const claims = await Promise.all(
      stores.flatMap((store, n) =>
        keys.map(async (key) => ({ key, n, first: await store.firstDelivery(key) })),
      ),
    );
    for (const key of keys) expect(claims.filter((c) => c.key === key && c.first)).toHaveLength(1);
  });

  it("takes a key as new again after an hour", async () => {
    const { schema, stores } = await instances();
    expect(await stores[0].firstDelivery("event:E1")).toBe(true);
    expect(await stores[1].firstDelivery("event:E1")).toBe(false);
    await schema.admin.query(`update ${schema.name}.tafel_deliveries set at = now() - interval '61 minutes'`);
    expect(await stores[1].firstDelivery("event:E1")).toBe(true);
    expect(await stores[2].firstDelivery("event:E1")).toBe(false);
  });
});

describe.skipIf(!TEST_DATABASE_URL)("retention on PostgreSQL", () => {
  it("leaves nothing of a purged case in the table's rows, and every instance reads it purged", async () => {
    const { schema, stores } = await instances();
    const a = await harness({ store: stores[0], at: "2026-11-23T09:00:00Z" });
    await a.say("anna", "setup Triage");
    await a.say("anna", "lid @piet leerplicht");
    const signal = await a.say("anna", 'signaal 1234567 ongeoorloofd 4 20-11 "Ochtend weg, moeder gebeld"');
    const key = /L-[0-9A-Z]{6}/.exec(signal.reply.title ?? "")?.[0] as string;
    await a.say("piet", 'besluit C-1 "Gesprek met moeder over de ochtenden"');
    await a.say("piet", 'sluit C-1 schoolgang-hervat "Leerling is terug" bevestigd=ja');
    // The second instance holds the table as it was before the purge.
    expect((await stores[1].read("console")).cases[0]?.pupilKey).toBe(key);
    const rows = async () =>
      (
        await schema.admin.query<{ body: string }>(
          `select body::text as body from ${schema.name}.tafel_parts where table_id = 'console'`,
        )
      ).rows
        .map((r) => r.body)
        .join("\n");
    expect(await rows()).toContain("Gesprek met moeder");
    const scheduler = silentScheduler(stores[0]);
    await scheduler.tick(new Date("2028-11-23T08:30:00Z"));
    const stored = await rows();
    for (const gone of [key, "Ochtend weg", "Gesprek met moeder"]) expect(stored).not.toContain(gone);
    expect(stored).toContain("schoolgang-hervat");
    expect((await stores[1].read("console")).cases[0]).toMatchObject({
      pupilKey: null,
      note: null,
      signals: [],
    });
  });
});
