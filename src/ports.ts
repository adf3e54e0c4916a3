import type { SchoolCalendar } from "./core/calendar/calendar.ts";
import type { AuditEvent, Region, TableDoc } from "./core/model.ts";
import type { RegionDoc } from "./core/model-region.ts";
import type { Outbound } from "./core/reminders.ts";
import type { Result } from "./core/result.ts";
import type { CaseNotice } from "./core/rules/notices.ts";

/** The only doors out of the core: everything with I/O or time sits behind one of these. */

export interface Clock {
  now(): Date;
}

/** Turns a normalised pupil number into `L-XXXXXX`, keyed per table; the key never reaches the store. */
export interface Pseudonymizer {
  pupilKey(tableId: string, normalisedNumber: string): string;
}

export interface TableRef {
  id: string;
  name: string;
  conversation: string;
}

export interface ReadQuery {
  from?: string | null;
  to?: string | null;
  caseId?: string;
}

/**
 * The regions (issue #30): records of their own beside the tables, few and small. A table no region lists is a
 * region of its own and has no record here.
 */
export interface RegionStore {
  all(): Promise<RegionDoc[]>;
  /** The region that lists this table, if any. */
  of(tableId: string): Promise<RegionDoc | null>;
  /**
   * Writes the region when the stored one is at `doc.version - 1` (a new one: none stored, version 1), so two
   * changes made at once from different tables or instances never overwrite each other: the later is refused with
   * `gewijzigd` and nothing is written. A table is listed by one region at most (`regio-al`).
   */
  save(doc: RegionDoc): Promise<Result<RegionDoc>>;
}

export interface Store {
  readonly regions: RegionStore;
  /** The table set up in a conversation (channel, chat or console), if any. */
  tableFor(conversation: string): Promise<TableRef | null>;
  tables(): Promise<TableRef[]>;
  /**
   * The tables where this person is a member now: a read across tables, answered without loading them (PostgreSQL:
   * one query; issue #32). For what reaches a person outside any table, such as a file in their own chat.
   */
  tablesOf(memberId: string): Promise<TableRef[]>;
  /** Stores a new table; fails with `tafel-bestaat` when the conversation already has one. */
  create(doc: TableDoc): Promise<Result<TableRef>>;
  read(tableId: string): Promise<TableDoc>;
  /**
   * Runs `work` on the table as committed with its changes held until it is done, other tables going on: a file
   * made a piece at a time from the table (the export) is then of one moment. `work` must only read.
   */
  hold<T>(tableId: string, work: (doc: TableDoc) => Promise<T>): Promise<T>;
  /**
   * Runs `change` on a private copy of the table and makes it durable only when it returns ok, so a refused
   * command leaves the stored table as it was. Changes to one table run one at a time.
   */
  transact<T>(tableId: string, change: (draft: TableDoc) => Result<T>): Promise<Result<T>>;
  /**
   * After a retention purge: nothing of those cases' personal data may linger in what the store keeps about the
   * table (a journal of earlier changes, backups), so the store rewrites it from the purged table.
   */
  scrub(tableId: string, caseIds: readonly string[]): Promise<void>;
  /**
   * Whether this is the first delivery of `key` in the last hour to any instance on this store: Slack retries, a
   * double click, a form sent twice, a repeated Teams activity. Behind a load balancer the repeat can reach
   * another instance than the first, so the store remembers, not the process.
   */
  firstDelivery(key: string): Promise<boolean>;
  /**
   * A claimed delivery that had no effect (a form refused with field errors): the same delivery may run again
   * once the person corrects it, so a delivery counts as seen only when it had its effect.
   */
  forgetDelivery(key: string): Promise<void>;
  /**
   * The reads audited at a table (a case looked at, an export made), which the store keeps out of the table
   * document in a log of their own, written with the change that audited them: those from `from` (inclusive) to
   * `to` (exclusive) instant, of one case when `caseId` is given, oldest first.
   */
  reads(tableId: string, query: ReadQuery): Promise<AuditEvent[]>;
  /** The read log's own retention: drops the reads from before `before`; returns how many went. */
  pruneReads(tableId: string, before: string): Promise<number>;
  /** Whether the store can serve a command now (the database answers); for a load balancer's readiness check. */
  ready(): Promise<boolean>;
  /**
   * Work that visits every table (the daily run, reminders, retention) passes each table by: a store that holds
   * tables within a budget keeps the hot ones and lets a passing one go after it (issue #32). Optional: a store that
   * holds all its tables has nothing to spare.
   */
  passing?<T>(work: () => Promise<T>): Promise<T>;
  /**
   * The tables that may have work at `at` (a reminder or digest time come, a message to send, a change since their
   * last tick), found by a query rather than by loading every table (issue #32). Optional: a store that holds all
   * its tables in memory visits them all.
   */
  dueTables?(at: Date): Promise<string[]>;
  /**
   * After a table's tick: nothing is due in it before `next`, unless it changed after the version the tick weighed
   * (by default the one this store read last).
   */
  settle?(tableId: string, next: Date, version?: number): Promise<void>;
  /**
   * Tells `listener` of each change this instance committed outside a sweep (a command's): the instance that holds
   * the table ticks it at once, so the next minute does not load it again on another (issue #32). Optional: a store
   * whose scheduler visits every table anyway has no need of it.
   */
  onChanged?(listener: (tableId: string, change?: CaseChange) => void): void;
  /**
   * Runs `work`, which reads and changes only the case `caseId` of the table, its records and the table's small parts
   * (a command that names the case): a store that does not hold the table may read just those (issue #32).
   * Optional: a store that holds every table has them at hand. `at`: work whose only write holds at that version
   * alone (the tick's settle) may be given the view a change at that version left, without asking the table.
   */
  about?<T>(tableId: string, caseId: string, work: () => Promise<T>, at?: number): Promise<T>;
  /**
   * Inside `about`, when the table was read as the case's view: every case's keyed pseudonym, which the privacy guard
   * needs and the view does not hold; otherwise null.
   */
  pupilKeys?(tableId: string): ReadonlySet<string> | null;
  close(): Promise<void>;
}

/**
 * Changes made in work about one case (`Store.about`) of a table that was not due before them: their tick may weigh
 * that case alone and, when nothing new is due, leave the table due when it was (`dueBefore`), unless it changed
 * after the `version` they made.
 */
export interface CaseChange {
  caseId: string;
  dueBefore: Date;
  version: number;
}

export type LogFields = Record<string, string | number | boolean | null>;
/** Logs carry ids, command names and codes only; never free text or payloads. */
export interface Logger {
  info(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

/**
 * The school calendar of a table: its holiday region's holidays (the region's, issue #30, when it belongs to one),
 * public holidays and the table's own changes.
 */
export interface Calendars {
  forTable(doc: TableDoc, holidays?: Region): SchoolCalendar;
}

/** Runs work after a command has been answered. */
export interface Background {
  run(name: string, task: () => Promise<void>): void;
}

/** Tells a table and its members what Tafel noticed outside a command. */
export interface Notifier {
  /** Rule crossings found by a re-evaluation. */
  caseNotices(tableId: string, notices: readonly CaseNotice[]): Promise<void>;
  /** One reminder or digest from the scheduler's outbox; throws when the platform did not take it. */
  deliver(tableId: string, message: Outbound): Promise<void>;
}
