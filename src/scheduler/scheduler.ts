import { TZDate } from "@date-fns/tz";
import { subMonths } from "date-fns/subMonths";
import { agendaDue } from "../core/cadence.ts";
import { calendarEnd, calendarStatus } from "../core/calendar/data.ts";
import { dayNumber } from "../core/calendar/days.ts";
import { instantAt, localDate, plusDays, ZONE } from "../core/dates.ts";
import type { OutboxEntry, TableDoc } from "../core/model.ts";
import type { RegionDoc } from "../core/model-region.ts";
import { ownRegion, policyIn, policyOfTable } from "../core/region.ts";
import {
  type Due,
  dailyMessages,
  isDigestDay,
  type Outbound,
  outboxEntry,
  weekKey,
  weeklyDigest,
} from "../core/reminders.ts";
import { fail, ok } from "../core/result.ts";
import { duePurges, purgeCase, purgeSchoolWork } from "../core/retention.ts";
import { auditCrossings, takeNotices } from "../core/rules/notices.ts";
import { minutesOf } from "../core/rules/policy.ts";
import { tableEvaluator } from "../core/school-policy.ts";
import { audit } from "../core/table.ts";
import { errorCode } from "../infra/error-code.ts";
import { outboxAge, outboxDepth, sendsTotal } from "../infra/metrics.ts";
import type { Calendars, CaseChange, Clock, Logger, Notifier, Store } from "../ports.ts";

export const MAX_ATTEMPTS = 5;
/**
 * How long a sent or given-up message stays in the table's outbox: a message's key names its day, so it is
 * composed again only on that day, and a week covers the digest's. Then it leaves the table for the store's log.
 */
const KEEP_DAYS = 7;
const MINUTE = 60_000;
/** How long a message taken for sending is left to the instance that took it, before another may retry it. */
const CLAIM_MINUTES = 10;
/** A send that has not finished by then is given up (and retried later), well before its claim runs out. */
const SEND_TIMEOUT_MS = 60_000;

export interface SchedulerDeps {
  store: Store;
  calendars: Calendars;
  notifier: Notifier;
  logger: Logger;
  clock: Clock;
  /** How long one send may take before it counts as failed; tests shorten it. */
  sendTimeoutMs?: number;
}

/** A send that hung (a platform call without a timeout) fails after `ms`, so its claim never outlives it. */
function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error("send timed out"), { code: "ETIMEDOUT" })), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Minutes after local midnight in Amsterdam: 09:00 stays 09:00 across both daylight-saving changes. */
const localMinutes = (at: Date) => {
  const t = new TZDate(at.getTime(), ZONE);
  return t.getHours() * 60 + t.getMinutes();
};

/**
 * The reminder engine (DESIGN.md §6). A tick works out from the table's state what is due at this moment, writes
 * each message into the table's outbox under its idempotency key, then sends what the outbox still owes. A
 * message is written before it is sent and marked after, so a restart resends at most the one in flight and
 * never loses one; a failing send is retried with backoff and, after the last try, reported to the table.
 * Several instances may tick at once (PostgreSQL): an instance takes a message in a change of its own before it
 * sends it, and the store lets only one such change through, so each message is sent by one instance.
 */
export function makeScheduler(deps: SchedulerDeps) {
  /**
   * What is due at `at` and not yet in the table's outbox, the cases it purged, and whether it changed the table
   * besides (a school's purge, the day's rules check). The week's digest, once composed, is not composed again on
   * every later tick of the week: it weighs every case, and a table that changed is ticked within the minute.
   */
  function compose(doc: TableDoc, region: RegionDoc | null, at: Date) {
    const known = new Set(doc.outbox.map((e) => e.key));
    const purged: string[] = [];
    let touched = false;
    const date = localDate(at);
    const shared = region ?? ownRegion(doc);
    const cal = deps.calendars.forTable(doc, shared.holidays);
    const policy = policyIn(shared, doc.policy);
    const minutes = localMinutes(at);
    const due: Array<Due & { snapshot?: TableDoc["lastDigest"] }> = [];
    if (minutes >= minutesOf(policy.reminderTime)) {
      due.push(...dailyMessages(doc, cal, policy, date));
      // Holiday weeks would count as school weeks once the data runs out: the chair hears it daily beforehand.
      if (calendarStatus(date) !== "ok")
        due.push({ key: `kalender:${date}`, message: { kind: "kalender", date, end: calendarEnd() } });
      // The purge runs on its due date whatever the day (a summer would hold it six weeks); a purged case is
      // not due again, so a tick with nothing to purge writes nothing.
      for (const c of duePurges(doc, policy.retentionMonths, date)) {
        purgeCase(doc, c, at.toISOString());
        audit(doc, at.toISOString(), "tafel", "casus.opgeschoond", c.id, `${policy.retentionMonths} maanden`);
        purged.push(c.id);
      }
      const school = purgeSchoolWork(doc, policy.retentionMonths, date);
      if (school > 0) {
        touched = true;
        audit(doc, at.toISOString(), "tafel", "school.opgeschoond", null, `${school}`);
      }
      if (doc.rulesCheckedOn !== date && cal.isSchoolDay(dayNumber(date))) {
        touched = true;
        doc.rulesCheckedOn = date;
        const evaluate = tableEvaluator(doc, cal, policy, date);
        const notices = doc.cases
          .filter((c) => c.status !== "closed")
          .flatMap((c) => takeNotices(c, evaluate(c), cal, date, policy.intakeMode));
        auditCrossings(doc, notices, at.toISOString());
        if (notices.length) due.push({ key: `regels:${date}`, message: { kind: "regels", date, notices } });
      }
    }
    // A planned meeting's agenda, with the day's reminders (issue #31).
    if (minutes >= minutesOf(policy.reminderTime)) {
      const agenda = agendaDue(doc, { cal, policy, evaluate: tableEvaluator(doc, cal, policy, date) }, date);
      if (agenda) due.push(agenda);
    }
    if (
      minutes >= minutesOf(policy.digestTime) &&
      !known.has(weekKey(date)) &&
      isDigestDay(cal, policy, date)
    )
      due.push(weeklyDigest(doc, tableEvaluator(doc, cal, policy, date), date, policy.intakeMode));
    return { due: due.filter((d) => !known.has(d.key)), purged, touched: touched || purged.length > 0 };
  }

  async function enqueue(tableId: string, at: Date) {
    let purged: string[] = [];
    const region = await deps.store.regions.of(tableId);
    await deps.store.transact(tableId, (doc) => {
      const made = compose(doc, region, at);
      // A store may make the change again on a newer table; only the purges of the run that lands count.
      purged = made.purged;
      const fresh = made.due;
      const horizon = new Date(at.getTime() - KEEP_DAYS * 1440 * MINUTE).toISOString();
      const stale = (e: OutboxEntry) => {
        const finished = e.sentAt ?? e.failedAt;
        return finished !== null && finished < horizon;
      };
      // A tick that finds nothing writes nothing: the store journals only what a change touched. What leaves is
      // put on record by its key and when (never its text), which the store keeps in its log, not the table.
      if (doc.outbox.some(stale)) {
        for (const e of doc.outbox.filter(stale))
          audit(
            doc,
            (e.sentAt ?? e.failedAt) as string,
            "tafel",
            e.sentAt ? "bericht.verzonden" : "bericht.mislukt",
            null,
            e.key,
          );
        doc.outbox = doc.outbox.filter((e) => !stale(e));
      }
      for (const d of fresh) {
        doc.outbox.push(outboxEntry(d.key, d.message, at));
        if (d.snapshot) doc.lastDigest = d.snapshot;
      }
      return ok(fresh.length);
    });
    // The purge is in the table now; the store then clears it from its journal and backups.
    if (purged.length) await deps.store.scrub(tableId, purged);
  }

  /**
   * Takes a message for sending, unless it was sent, given up or taken by another instance meanwhile. The claim's
   * expiry is its token: only the instance whose claim still stands may mark the message afterwards.
   */
  async function claim(tableId: string, key: string, at: Date): Promise<string | null> {
    const now = at.toISOString();
    const until = new Date(at.getTime() + CLAIM_MINUTES * MINUTE).toISOString();
    const r = await deps.store.transact(tableId, (doc) => {
      const mine = doc.outbox.find((x) => x.key === key);
      if (!mine || mine.sentAt !== null || mine.failedAt !== null || mine.nextAttemptAt > now)
        return fail("bezet");
      mine.nextAttemptAt = until;
      return ok(null);
    });
    return r.ok ? until : null;
  }

  async function send(tableId: string, e: OutboxEntry, at: Date) {
    const token = await claim(tableId, e.key, at);
    if (token === null) return;
    let error: string | null = null;
    let asked = 0;
    try {
      await withTimeout(
        deps.notifier.deliver(tableId, e.message as Outbound),
        deps.sendTimeoutMs ?? SEND_TIMEOUT_MS,
      );
    } catch (err) {
      error = errorCode(err);
      // A platform that asked to wait (Retry-After) is not tried again before then.
      asked = Number((err as { retryAfterMs?: unknown } | null)?.retryAfterMs) || 0;
      deps.logger.error("send-failed", { table: tableId, key: e.key, attempt: e.attempts + 1, code: error });
    }
    sendsTotal.inc({ result: error === null ? "sent" : e.attempts + 1 >= MAX_ATTEMPTS ? "failed" : "retry" });
    const mark = () =>
      deps.store.transact(tableId, (doc) => {
        const mine = doc.outbox.find((x) => x.key === e.key);
        if (!mine) return fail("weg");
        // Fenced: a sender whose claim was taken over by another instance marks nothing.
        if (mine.nextAttemptAt !== token || mine.sentAt !== null) return fail("claim-verloren");
        mine.attempts++;
        if (error === null) {
          mine.sentAt = at.toISOString();
          return ok(null);
        }
        mine.lastError = error;
        mine.nextAttemptAt = new Date(
          at.getTime() + Math.max(2 ** (mine.attempts - 1) * MINUTE, asked),
        ).toISOString();
        if (mine.attempts >= MAX_ATTEMPTS) {
          mine.failedAt = at.toISOString();
          const message = e.message as Outbound;
          if (message.kind !== "mislukt") {
            const recipient = message.kind === "dag" ? message.to : "tafel";
            doc.outbox.push(
              outboxEntry(
                `mislukt:${e.key}`,
                { kind: "mislukt", date: localDate(at), original: e.key, recipient },
                at,
              ),
            );
          }
        }
        return ok(null);
      });
    // Another instance's change elsewhere in the outbox can refuse the mark; the message is still ours to mark.
    for (let tries = 1; ; tries++) {
      const r = await mark();
      if (!r.ok && r.error.code === "claim-verloren")
        deps.logger.error("send-claim-lost", { table: tableId, key: e.key });
      if (r.ok || r.error.code !== "gewijzigd" || tries === MAX_ATTEMPTS) return;
    }
  }

  /** A table's policy under its region's, read as stored. */
  async function storedPolicy(tableId: string) {
    const doc = await deps.store.read(tableId);
    return policyOfTable(await deps.store.regions.of(tableId), doc);
  }

  /** The day each table's read log was last pruned by this instance: once a day is enough. */
  const prunedOn = new Map<string, string>();
  /** Reads are kept as long as the table keeps a closed case (`bewaren.maanden`), then dropped. */
  async function pruneReads(tableId: string, at: Date) {
    const today = localDate(at);
    if (prunedOn.get(tableId) === today) return;
    prunedOn.set(tableId, today);
    const months = (await storedPolicy(tableId)).retentionMonths;
    await deps.store.pruneReads(tableId, subMonths(at, months).toISOString());
  }

  /** Per table this instance ticked: messages still owed, and since when the oldest (the outbox figures). */
  const owed = new Map<string, { depth: number; oldest: string | null }>();
  /** One table's tick, as a table passing by: it does not push the tables in use out of a bounded cache. */
  function tickTable(tableId: string, at: Date): Promise<void> {
    return deps.store.passing ? deps.store.passing(() => tickOne(tableId, at)) : tickOne(tableId, at);
  }

  async function tickOne(tableId: string, at: Date) {
    await enqueue(tableId, at);
    await pruneReads(tableId, at);
    const now = at.toISOString();
    const outbox = (await deps.store.read(tableId)).outbox;
    for (const e of outbox)
      if (e.sentAt === null && e.failedAt === null && e.nextAttemptAt <= now) await send(tableId, e, at);
    // The outbox figures from the read the tick made anyway: no second read of every table each minute.
    const left = outbox.filter((e) => e.sentAt === null && e.failedAt === null);
    owed.set(tableId, {
      depth: left.length,
      oldest: left.reduce<string | null>((o, e) => (o !== null && o <= e.createdAt ? o : e.createdAt), null),
    });
    const all = [...owed.values()];
    outboxDepth.set(all.reduce((n, x) => n + x.depth, 0));
    const oldest = all.reduce<string | null>(
      (o, x) => (x.oldest !== null && (o === null || x.oldest < o) ? x.oldest : o),
      null,
    );
    outboxAge.set(oldest === null ? 0 : Math.max(0, (at.getTime() - Date.parse(oldest)) / 1000));
    if (deps.store.settle) await deps.store.settle(tableId, await nextWork(tableId, at));
  }

  /**
   * The tick after a command about one case, at a table that was not due before it: nothing else in the table became
   * due since its last tick, so what the change made due, the case's view makes due. When that is nothing, the table
   * is left due when it was, unread and unweighed as a whole (a whole tick per command held up the scale run's
   * commands, issue #32); else, or with a message to send before then, it is ticked whole.
   */
  async function followCase(tableId: string, change: CaseChange, at: Date): Promise<void> {
    /** Whether the case's view alone made nothing new due, and the table was settled back where it was. */
    const weigh = async () => {
      const doc = await deps.store.read(tableId);
      const next = change.dueBefore.toISOString();
      if (doc.outbox.some((e) => e.sentAt === null && e.failedAt === null && e.nextAttemptAt < next))
        return false;
      const region = await deps.store.regions.of(tableId);
      const made = compose(structuredClone(doc), region, at);
      if (made.due.length > 0 || made.touched) return false;
      await deps.store.settle?.(tableId, change.dueBefore, change.version);
      return true;
    };
    // Weighed in the view the change left, at its version: the settle holds only if the table is at it still.
    const settled =
      change.dueBefore > at &&
      deps.store.about !== undefined &&
      (await deps.store.about(tableId, change.caseId, weigh, change.version));
    if (!settled) await tickTable(tableId, at);
  }

  /**
   * When a table may next have work after a tick at `at`: its next reminder or digest time (the day's work starts
   * there; the rest of the day composes nothing new), or a message still to send, whichever comes first.
   */
  async function nextWork(tableId: string, at: Date): Promise<Date> {
    const { outbox } = await deps.store.read(tableId);
    const policy = await storedPolicy(tableId);
    const days = [localDate(at), plusDays(localDate(at), 1)];
    const moments = [
      ...days.flatMap((d) => [policy.reminderTime, policy.digestTime].map((t) => instantAt(d, t).getTime())),
    ].filter((t) => t > at.getTime());
    for (const e of outbox)
      if (e.sentAt === null && e.failedAt === null) moments.push(Date.parse(e.nextAttemptAt));
    return new Date(Math.min(...moments));
  }

  let warnedOn: string | null = null;
  return {
    /** What is due at `at` in one table; the PostgreSQL job queue runs one table per job. */
    tickTable,
    followCase,

    /** Everything due at `at` (default: now) in every table; one table's fault is logged and stops no other. */
    async tick(at: Date = deps.clock.now()) {
      const today = localDate(at);
      // Daily, from six months before the holiday data runs out: the operator must add the next school year.
      if (warnedOn !== today && calendarStatus(today) !== "ok") {
        warnedOn = today;
        deps.logger.error("calendar-ends-soon", { end: calendarEnd() });
      }
      for (const id of await dueTables(deps.store, at))
        try {
          await tickTable(id, at);
        } catch (e) {
          deps.logger.error("tick-table-failed", { table: id, code: errorCode(e) });
        }
    },

    /**
     * Lets time pass from `from` to `to` as if the bot had been running: a tick at each table's reminder and
     * digest time of every day in between, and a last one at `to`. The console's `@clock` uses it.
     */
    async runUntil(from: Date, to: Date) {
      const moments = new Set<number>();
      for (const ref of await deps.store.tables()) {
        const policy = await storedPolicy(ref.id);
        for (let day = new Date(from.getTime()); day <= to; day = new Date(day.getTime() + 1440 * MINUTE))
          for (const hhmm of [policy.reminderTime, policy.digestTime]) {
            const at = instantAt(localDate(day), hhmm).getTime();
            if (at > from.getTime() && at <= to.getTime()) moments.add(at);
          }
      }
      // Retries fall between the fixed moments: the backoff's minutes after each, within the period.
      for (const at of [...moments])
        for (let k = 1; k <= 2 ** MAX_ATTEMPTS; k *= 2)
          if (at + k * MINUTE <= to.getTime()) moments.add(at + k * MINUTE);
      for (const at of [...moments].sort((a, b) => a - b)) await this.tick(new Date(at));
      await this.tick(to);
    },
  };
}
export type Scheduler = ReturnType<typeof makeScheduler>;

/** The tables to visit at `at`: those a store says may have work, else all of them. */
export const dueTables = async (store: Store, at: Date): Promise<string[]> =>
  store.dueTables ? store.dueTables(at) : (await store.tables()).map((t) => t.id);
