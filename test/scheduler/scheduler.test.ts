import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { TZDate } from "@date-fns/tz";
import { afterEach, describe, expect, it } from "vitest";
import { dayNumber } from "../../src/core/calendar/days.ts";
import type { Outbound } from "../../src/core/reminders.ts";
import { calendarCache } from "../../src/infra/calendars.ts";
import type { Notifier, Store } from "../../src/ports.ts";
import { makeScheduler } from "../../src/scheduler/scheduler.ts";
import { harness, quietLogger, silentScheduler, tempDir } from "../support/harness.ts";
import { calendar } from "../support/signals.ts";

type Sent = { at: Date; key: string; message: Outbound };
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

function recorder(fail: (m: Outbound) => boolean = () => false) {
  const sent: Sent[] = [];
  let now = new Date(0);
  const notifier: Notifier = {
    caseNotices: async () => {},
    deliver: async (_table, message) => {
      if (fail(message)) throw Object.assign(new Error("platform down"), { code: "ECONNRESET" });
      sent.push({
        at: now,
        key:
          message.kind === "dag"
            ? `dag:${message.date}:${message.to}`
            : `${message.kind}:${"date" in message ? message.date : ""}`,
        message,
      });
    },
  };
  return { sent, notifier, setNow: (d: Date) => (now = d) };
}

/** A table in regio noord: herfstvakantie 10–18 oct 2026, winter time from 25 oct. */
async function table(dir: string) {
  const h = await harness({ dir, at: "2026-10-01T10:00:00Z" });
  await h.say("anna", "setup Noord regio=noord");
  await h.say("anna", "lid @piet leerplicht");
  await h.say("anna", "lid @joost school");
  await h.say("joost", "signaal 1234567 ongeoorloofd 4 30-9");
  await h.say("piet", "regie C-1 neem");
  await h.say("piet", 'actie C-1 @joost 9-10 "Voor de vakantie"');
  await h.say("piet", 'actie C-1 @joost 21-10 "Na de vakantie"');
  await h.say("piet", 'actie C-1 @piet 27-10 "Na de klokwissel"');
  return h;
}

async function run(
  h: Awaited<ReturnType<typeof harness>>,
  rec: ReturnType<typeof recorder>,
  from: string,
  to: string,
  stepMinutes = 15,
) {
  const scheduler = makeScheduler({
    store: h.store,
    calendars: calendarCache(),
    notifier: rec.notifier,
    logger: quietLogger,
    clock: h.clock,
  });
  for (let t = Date.parse(from); t <= Date.parse(to); t += stepMinutes * 60_000) {
    rec.setNow(new Date(t));
    await scheduler.tick(new Date(t));
  }
}

const local = (d: Date) => new TZDate(d.getTime(), "Europe/Amsterdam");

describe("scheduler over several school weeks", () => {
  it("sends every reminder once, on school days, at 09:00 local time, across the holiday and the DST change; a restart loses and repeats nothing", async () => {
    const dir = await tempDir();
    cleanups.push(dir.remove);
    const rec = recorder();
    const first = await table(dir.path);
    await run(first, rec, "2026-10-01T11:00:00Z", "2026-10-16T22:00:00Z");
    await first.store.close();
    const second = await harness({ dir: dir.path });
    cleanups.push(() => second.store.close());
    await run(second, rec, "2026-10-16T22:15:00Z", "2026-11-06T22:00:00Z");

    const keys = rec.sent.map((s) => s.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const s of rec.sent) {
      const t = local(s.at);
      const day = `${t.getFullYear()}-${String(t.getMonth() + 1).padStart(2, "0")}-${String(t.getDate()).padStart(2, "0")}`;
      expect(calendar("noord").isSchoolDay(dayNumber(day)), `${s.key} on a school day`).toBe(true);
      const minutes = t.getHours() * 60 + t.getMinutes();
      if (s.message.kind === "week") expect(minutes, s.key).toBe(8 * 60 + 30);
      else expect(minutes, s.key).toBe(9 * 60);
    }
    const days = (to: string, part: "dueSoon" | "dueToday" | "overdue") =>
      rec.sent
        .filter((s) => s.message.kind === "dag" && s.message.to === to && s.message[part].length > 0)
        .map((s) => s.key.slice(4, 14));
    expect(days("joost", "dueSoon")).toEqual(["2026-10-08", "2026-10-20"]);
    expect(days("joost", "dueToday")).toEqual(["2026-10-09", "2026-10-21"]);
    expect(days("piet", "dueSoon")).toEqual(["2026-10-26"]);
    expect(days("piet", "dueToday")).toEqual(["2026-10-27"]);
    // Overdue agreements come back in the owner's one message of each school day, none in the holiday.
    expect(days("joost", "overdue").slice(0, 3)).toEqual(["2026-10-19", "2026-10-20", "2026-10-21"]);
    expect(rec.sent.filter((s) => s.message.kind === "week").map((s) => s.key)).toEqual([
      "week:2026-10-05",
      "week:2026-10-19",
      "week:2026-10-26",
      "week:2026-11-02",
    ]);
    const winter = rec.sent.find((s) => s.key === "dag:2026-10-26:piet");
    expect(winter?.at.toISOString()).toBe("2026-10-26T08:00:00.000Z");
    const summer = rec.sent.find((s) => s.key === "dag:2026-10-21:joost");
    expect(summer?.at.toISOString()).toBe("2026-10-21T07:00:00.000Z");
  });

  it("tells the regie holder after two school days overdue, and the chair after five without regie", async () => {
    const dir = await tempDir();
    cleanups.push(dir.remove);
    const rec = recorder();
    const h = await table(dir.path);
    cleanups.push(() => h.store.close());
    await h.say("joost", "signaal 7654321 ongeoorloofd 2 30-9");
    await run(h, rec, "2026-10-01T11:00:00Z", "2026-10-09T22:00:00Z", 60);
    const lead = rec.sent.find(
      (s) => s.message.kind === "dag" && s.message.to === "piet" && s.message.leadOverdue.length > 0,
    );
    expect(lead).toBeUndefined();
    await run(h, rec, "2026-10-19T06:00:00Z", "2026-10-21T22:00:00Z", 60);
    const leadDay = rec.sent.find(
      (s) => s.message.kind === "dag" && s.message.to === "piet" && s.message.leadOverdue.length > 0,
    );
    expect(leadDay?.key).toBe("dag:2026-10-20:piet");
    const chair = rec.sent.filter(
      (s) => s.message.kind === "dag" && s.message.to === "anna" && s.message.noRegie.length > 0,
    );
    expect(chair.map((s) => s.key)).toEqual(["dag:2026-10-08:anna"]);
  });

  it("writes nothing to the store on a tick with nothing due", async () => {
    const dir = await tempDir();
    cleanups.push(dir.remove);
    const h = await table(dir.path);
    cleanups.push(() => h.store.close());
    const rec = recorder();
    await run(h, rec, "2026-10-01T11:00:00Z", "2026-10-01T11:00:00Z");
    const journal = join(dir.path, "tables", "console.journal");
    const before = await readFile(journal, "utf8");
    await run(h, rec, "2026-10-03T09:00:00Z", "2026-10-03T12:00:00Z");
    expect(await readFile(journal, "utf8")).toBe(before);
  });

  it("retries a failing send with backoff, then reports it to the table once", async () => {
    const dir = await tempDir();
    cleanups.push(dir.remove);
    const rec = recorder((m) => m.kind === "dag" && m.to === "joost");
    const h = await table(dir.path);
    cleanups.push(() => h.store.close());
    await run(h, rec, "2026-10-08T06:55:00Z", "2026-10-08T08:00:00Z", 1);
    const entry = (await h.store.read("console")).outbox.find((e) => e.key === "dag:2026-10-08:joost");
    expect(entry).toMatchObject({ attempts: 5, sentAt: null, lastError: "ECONNRESET" });
    expect(entry?.failedAt).toBe("2026-10-08T07:15:00.000Z");
    const reports = rec.sent.filter((s) => s.message.kind === "mislukt");
    expect(reports).toHaveLength(1);
    expect(reports[0]?.message).toMatchObject({ original: "dag:2026-10-08:joost", recipient: "joost" });
  });
});

describe("a table's fault", () => {
  it("is logged with a code and stops no other table's reminders", async () => {
    const h = await harness({ at: "2026-11-23T08:00:00Z" });
    for (const c of ["eerste", "tweede"]) {
      await h.say("anna", "setup Triage regio=midden", c);
      await h.say("anna", "lid @joost school", c);
      await h.say("joost", "signaal 2345678 ongeoorloofd 2 vrijdag", c);
      await h.say("anna", 'actie C-1 @joost morgen "Bellen"', c);
    }
    const [broken] = await h.store.tables();
    const store: Store = {
      ...h.store,
      tables: () => h.store.tables(),
      read: (id) => (id === broken?.id ? Promise.reject(new Error("kapot")) : h.store.read(id)),
      transact: (id, change) =>
        id === broken?.id ? Promise.reject(new Error("kapot")) : h.store.transact(id, change),
    };
    quietLogger.events.length = 0;
    await silentScheduler(store).tick(new Date("2026-11-26T09:30:00Z"));
    expect(quietLogger.events).toContain("tick-table-failed");
    const [, healthy] = await h.store.tables();
    expect((await h.store.read(healthy?.id as string)).outbox.length).toBeGreaterThan(0);
  });
});

describe("a send that hangs", () => {
  const scheduler = (
    h: Awaited<ReturnType<typeof harness>>,
    deliver: Notifier["deliver"],
    sendTimeoutMs?: number,
  ) =>
    makeScheduler({
      store: h.store,
      calendars: calendarCache(),
      notifier: { caseNotices: async () => {}, deliver },
      logger: quietLogger,
      clock: h.clock,
      ...(sendTimeoutMs ? { sendTimeoutMs } : {}),
    });
  const dayKey = "dag:2026-10-09:joost";
  const entry = async (h: Awaited<ReturnType<typeof harness>>) =>
    (await h.store.read("console")).outbox.find((e) => e.key === dayKey);

  it("times out, counts as a failed attempt and is retried later", async () => {
    const h = await table(await tempDirPath());
    await scheduler(h, () => new Promise(() => {}), 20).tick(new Date("2026-10-09T07:30:00Z"));
    expect(await entry(h)).toMatchObject({ attempts: 1, sentAt: null, lastError: "ETIMEDOUT" });
  });

  it("waits out the Retry-After a platform asked for, when it is longer than the backoff", async () => {
    const h = await table(await tempDirPath());
    const asked = Object.assign(new Error("later"), { code: "TEAMS_LATER", retryAfterMs: 30 * 60_000 });
    await scheduler(h, () => Promise.reject(asked)).tick(new Date("2026-10-09T07:30:00Z"));
    // One minute's backoff, but thirty were asked.
    expect(await entry(h)).toMatchObject({ attempts: 1, nextAttemptAt: "2026-10-09T08:00:00.000Z" });
  });

  it("is fenced: once another instance took the message over, the late sender marks nothing", async () => {
    const h = await table(await tempDirPath());
    let release: () => void = () => {};
    let started: () => void = () => {};
    const hanging = new Promise<void>((r) => (started = r));
    const first = scheduler(
      h,
      () => {
        started();
        return new Promise<void>((r) => (release = r));
      },
      3_600_000,
    );
    const late = first.tick(new Date("2026-10-09T07:30:00Z"));
    await hanging;
    const sentBySecond: string[] = [];
    await scheduler(h, async (_t, m) => void sentBySecond.push(m.kind)).tick(
      new Date("2026-10-09T07:41:00Z"),
    );
    expect(sentBySecond).toContain("dag");
    quietLogger.events.length = 0;
    release();
    await late;
    expect(quietLogger.events).toContain("send-claim-lost");
    expect(await entry(h)).toMatchObject({ attempts: 1, sentAt: "2026-10-09T07:41:00.000Z" });
  });
});

async function tempDirPath() {
  const dir = await tempDir();
  cleanups.push(dir.remove);
  return dir.path;
}
