import { AsyncLocalStorage } from "node:async_hooks";
import pg from "pg";
import type { AuditEvent, TableDoc } from "../../core/model.ts";
import { fail, ok, type Result } from "../../core/result.ts";
import { watchCache } from "../../infra/metrics.ts";
import type { CaseChange, ReadQuery, Store, TableRef } from "../../ports.ts";
import { runChange } from "../change.ts";
import { migrate } from "../migrations.ts";
import { KeyedQueues } from "../queues.ts";
import { isEmpty } from "../tracker.ts";
import { invalidPart } from "../validate.ts";
import { type Held, TableCache } from "./cache.ts";
import {
  advance,
  type Committed,
  caseChange,
  committedIn,
  isView,
  KeptViews,
  leaveView,
  type Scope,
  viewOf,
  viewWrite,
} from "./case-view.ts";
import { PgDeliveries } from "./deliveries.ts";
import { headOf, inSnapshot, partsSince, readTable, rewriteTable, versionOf } from "./load.ts";
import { applyParts, lengthsOf, overlaps, type Part, partsOf, type Write, writeOf } from "./parts.ts";
import { PgRegions } from "./regions.ts";
import { Rooms } from "./rooms.ts";
import { migrateSchema } from "./schema.ts";
import { COMMIT, CREATE, columns, DUE, MEMBER_OF, READ_LOG, READS, SETTLE } from "./sql.ts";

/**
 * How often a change is made again after another instance committed first. A refusal ("gewijzigd") is for an
 * edit of the same record only; losing races is not one, so the change retries with jittered backoff instead.
 */
const ATTEMPTS = 40;
const backoff = (attempt: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(200, 2 ** Math.min(attempt, 8))));

/** Whether the work running is a sweep over every table (`passing`), which must not push hot tables out. */
const sweeping = new AsyncLocalStorage<boolean>();

/**
 * The scale-out store (DESIGN.md §5): any number of instances on one database. Each holds the tables it has
 * read and, before every command, checks with one query that nothing newer was written, reading just the newer
 * parts when it was. A change is written in one statement that succeeds only on the version it was made on;
 * when another instance wrote first, the change is made again on the newer table, unless that instance edited
 * a record this change edited too: then its author is told `gewijzigd`, and nothing is written.
 */
export class PostgresStore implements Store {
  private readonly pool: pg.Pool;
  private readonly held: TableCache;
  readonly regions: PgRegions;
  private readonly deliveries: PgDeliveries;
  private readonly queues = new KeyedQueues();
  private readonly rooms: Rooms;
  /** Commits that lost to another instance and were made again: what a concurrency test shows happened. */
  lostRaces = 0;
  private loads = 0;
  private views = 0;
  private changed: (tableId: string, change?: CaseChange) => void = () => undefined;
  /** Work about one case (`about`), of this instance: another's in the same process (a test) is not in it. */
  private readonly scoped = new AsyncLocalStorage<Scope>();
  private readonly kept = new KeptViews();

  constructor(pool: pg.Pool, cacheBytes = Number.POSITIVE_INFINITY) {
    this.pool = pool;
    this.held = new TableCache(cacheBytes);
    this.regions = new PgRegions(pool, (tableId) => this.view(tableId)?.region);
    this.deliveries = new PgDeliveries(pool);
    this.rooms = new Rooms(pool);
  }

  /** What the cache holds now (tables, their bytes, how many were let go), and the tables and case views read. */
  cacheStats() {
    return { ...this.held.stats(), loads: this.loads, views: this.views };
  }

  onChanged(listener: (tableId: string, change?: CaseChange) => void) {
    this.changed = listener;
  }

  passing<T>(work: () => Promise<T>): Promise<T> {
    return sweeping.run(true, work);
  }

  /**
   * While `work` runs, a table this instance does not hold is read once as the case's view (case-view.ts): a command
   * about one case waits for its rows, not the whole table's, and pushes no held table out (issue #32; loading whole
   * tables while the cache had room raised a 600-table run's p99 from 57 to 247 ms). A change the view cannot say is
   * made again on the whole table.
   */
  async about<T>(tableId: string, caseId: string, work: () => Promise<T>, at?: number): Promise<T> {
    const outer = this.scoped.getStore();
    // Inside work about the same case already (an adapter's, around the dispatcher's): one scope, one view.
    if (outer?.open && outer.tableId === tableId && outer.caseId === caseId) return work();
    const kept = this.kept.take(tableId, caseId);
    const scope: Scope = { tableId, caseId, at, open: true, whole: false, kept };
    try {
      return await this.scoped.run(scope, work);
    } finally {
      scope.open = false;
      this.kept.keep(scope);
      scope.view = undefined;
      // The tick follows the command's answer, not the other way round; a table that was not due before weighs
      // only this case (scheduler.ts, `followCase`).
      if (scope.version !== undefined) this.changed(tableId, caseChange(scope));
    }
  }

  tableFor(conversation: string): Promise<TableRef | null> {
    return this.rooms.of(conversation);
  }

  async tables(): Promise<TableRef[]> {
    const { rows } = await this.pool.query<TableRef>(
      "select id, name, conversation from tafel_tables order by seq",
    );
    return rows;
  }

  async dueTables(at: Date): Promise<string[]> {
    const { rows } = await this.pool.query<{ id: string }>(DUE, [at.toISOString()]);
    return rows.map((r) => r.id);
  }

  /** The version this instance last saw of the table is what the tick saw, unless told: a change by another keeps it due. */
  async settle(tableId: string, next: Date, version?: number): Promise<void> {
    const seen = version ?? this.held.get(tableId)?.version;
    if (seen !== undefined) await this.pool.query(SETTLE, [tableId, seen, next.toISOString()]);
  }

  async tablesOf(memberId: string): Promise<TableRef[]> {
    const { rows } = await this.pool.query<TableRef>(MEMBER_OF, [memberId]);
    return rows;
  }

  async create(doc: TableDoc): Promise<Result<TableRef>> {
    const lengths = lengthsOf(doc as unknown as Record<string, unknown>);
    const { rows } = await this.pool.query<{ created: number }>(CREATE, [
      doc.table.id,
      doc.table.name,
      doc.table.conversation,
      JSON.stringify(lengths),
      ...columns(partsOf(doc)),
    ]);
    if (rows[0]?.created !== 1) return fail("tafel-bestaat");
    // Not held yet: its first read comes from the database, which is how an import checks what it wrote.
    return ok({ id: doc.table.id, name: doc.table.name, conversation: doc.table.conversation });
  }

  read(tableId: string): Promise<TableDoc> {
    return this.hold(tableId, async (doc) => doc);
  }

  /** Holds this instance's changes to the table; another instance's wait for nothing, and this one sees none. */
  hold<T>(tableId: string, work: (doc: TableDoc) => Promise<T>): Promise<T> {
    return this.queues.run(tableId, async () => work((await this.current(tableId)).doc));
  }

  transact<T>(tableId: string, change: (draft: TableDoc) => Result<T>): Promise<Result<T>> {
    return this.queues.run(tableId, async () => {
      for (let attempt = 1; ; attempt++) {
        const held = await this.current(tableId);
        const before = held.lengths;
        const made = runChange(held.doc, change);
        if ("refused" in made) return made.refused;
        const { value, delta, reads } = made;
        if (isEmpty(delta)) {
          if (reads.length > 0) await this.pool.query(READS, [tableId, JSON.stringify(reads)]);
          return ok(value);
        }
        const invalid = invalidPart(delta);
        if (invalid) {
          made.rollback();
          return fail("opslag-ongeldig", { part: invalid });
        }
        const view = isView(held) ? held : null;
        const write = view
          ? viewWrite(view, delta)
          : writeOf(lengthsOf(held.doc as unknown as Record<string, unknown>), before, delta);
        if (!write) {
          made.rollback();
          leaveView(this.scoped.getStore(), true);
          continue;
        }
        const base = held.version;
        let committed: Committed | null;
        try {
          committed = await this.commit(tableId, held, write, reads);
        } catch (e) {
          made.rollback();
          throw e;
        }
        if (committed !== null) {
          const { version } = committed;
          if (view) advance(view, write, version);
          else {
            held.version = version;
            held.lengths = write.lengths;
          }
          if (sweeping.getStore() !== true) this.tellChanged(tableId, base, committed);
          return ok(value);
        }
        made.rollback();
        if (view) leaveView(this.scoped.getStore(), false);
        const theirs = view
          ? await partsSince(this.pool, tableId, held.version)
          : await this.catchUp(tableId, held);
        if (attempt === ATTEMPTS || overlaps(write.edited, theirs, before)) return fail("gewijzigd");
        this.lostRaces++;
        await backoff(attempt);
      }
    });
  }

  private async commit(
    tableId: string,
    held: Held,
    write: Write,
    reads: readonly AuditEvent[],
  ): Promise<Committed | null> {
    const { rows } = await this.pool.query<{ version: string; due_before: number }>(COMMIT, [
      tableId,
      held.version,
      JSON.stringify(write.lengths),
      held.doc.table.name,
      ...columns(write.parts),
      JSON.stringify(write.shrunk),
      JSON.stringify(reads),
      // The scheduler's own writes in its tick (the outbox) make no new work: its settle says what comes next.
      sweeping.getStore() === true,
    ]);
    return rows[0] ? { version: Number(rows[0].version), dueBefore: rows[0].due_before } : null;
  }

  async reads(tableId: string, q: ReadQuery): Promise<AuditEvent[]> {
    const { rows } = await this.pool.query<{ body: AuditEvent }>(READ_LOG, [
      tableId,
      q.from ?? null,
      q.to ?? null,
      q.caseId ?? null,
    ]);
    return rows.map((r) => r.body);
  }

  async pruneReads(tableId: string, before: string): Promise<number> {
    const { rowCount } = await this.pool.query(
      "delete from tafel_reads where table_id = $1 and at < $2::timestamptz",
      [tableId, before],
    );
    return rowCount ?? 0;
  }

  /**
   * The table as it stands: what this instance holds when nothing newer was written, else caught up; in work about
   * one case of a table it does not hold, that case's view.
   */
  private async current(tableId: string): Promise<Held> {
    const held = this.held.get(tableId);
    if (held) {
      if ((await versionOf(this.pool, tableId)) !== held.version) await this.catchUp(tableId, held);
      this.held.keep(tableId, held, sweeping.getStore() === true);
      return held;
    }
    const scope = this.scoped.getStore();
    const passing = sweeping.getStore() === true;
    if (scope?.open && !scope.whole && scope.tableId === tableId && !passing) {
      // The work answers from the view it read: its changes are written only on the version they were made on (a
      // race reads it again), so a look for newer ones before each read would only cost a query.
      scope.view ??= await viewOf(this.pool, scope, () => this.views++);
      if (scope.view) return scope.view;
      // A table of an older schema: only a whole load migrates it.
      scope.whole = true;
    }
    const loaded = await this.load(tableId);
    this.held.keep(tableId, loaded, passing);
    return loaded;
  }

  /** Every case's keyed pseudonym, for the privacy guard, when the table was read as a case's view; else null. */
  pupilKeys(tableId: string): ReadonlySet<string> | null {
    return this.view(tableId)?.pupilKeys ?? null;
  }

  /** The case's view of the table the work running is about, when it was read as one. */
  private view(tableId: string) {
    const scope = this.scoped.getStore();
    return scope?.tableId === tableId ? scope.view : undefined;
  }

  /** A command's change sets off the table's tick (`onChanged`); in work about one of its cases, once that is done. */
  private tellChanged(tableId: string, base: number, made: Committed) {
    const scope = this.scoped.getStore();
    if (scope?.open && scope.tableId === tableId) committedIn(scope, base, made);
    else this.changed(tableId);
  }

  /** Reads, in one snapshot, the parts written since the held version; returns them. */
  private catchUp(tableId: string, held: Held): Promise<Part[]> {
    return inSnapshot(this.pool, async (client) => {
      const head = await headOf(client, tableId);
      const rows = await partsSince(client, tableId, held.version);
      applyParts(held.doc as unknown as Record<string, unknown>, rows, head.lengths);
      held.version = head.version;
      held.lengths = head.lengths;
      // Rows replaced are counted again: an estimate that errs towards letting go sooner.
      held.bytes += rows.reduce((n, r) => n + JSON.stringify(r.body).length, 0);
      return rows;
    });
  }

  private async load(tableId: string): Promise<Held> {
    this.loads++;
    const { raw, current, version, lengths, bytes } = await inSnapshot(this.pool, (client) =>
      readTable(client, tableId),
    );
    if (current) return { doc: raw as unknown as TableDoc, version, lengths, bytes };
    // After a migration of the document: every part anew, unless another instance migrated it first.
    const doc = migrate(raw);
    const written = await rewriteTable(this.pool, tableId, doc, version);
    return written ? { doc, version: version + 1, lengths: written, bytes } : this.load(tableId);
  }

  /**
   * A purge overwrote the cases' parts; their old row versions stay in the table's pages until vacuum reclaims
   * them, so vacuum now rather than whenever autovacuum gets to it.
   */
  async scrub(tableId: string): Promise<void> {
    await this.queues.run(tableId, async () => {
      await this.pool.query("vacuum tafel_parts");
    });
  }

  firstDelivery(key: string): Promise<boolean> {
    return this.deliveries.first(key);
  }

  forgetDelivery(key: string): Promise<void> {
    return this.deliveries.forget(key);
  }

  ready(): Promise<boolean> {
    return this.pool.query("select 1").then(
      () => true,
      () => false,
    );
  }

  async close() {
    await this.queues.idle();
    await this.pool.end();
  }
}

export interface PostgresOptions {
  /** A schema of its own (created when absent), for tests or several deployments on one database. */
  schema?: string;
  /** Connections per instance. */
  max?: number;
  /** The memory budget for the tables held, in MB of their stored rows; unbounded when not given. */
  cacheMb?: number;
}

/** Connects, brings the database schema up to date (DESIGN.md §5) and returns the store. */
export async function openPostgresStore(url: string, options: PostgresOptions = {}): Promise<PostgresStore> {
  const { schema } = options;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema))
    throw new Error(`invalid schema name ${schema}`);
  if (schema) {
    const setup = new pg.Client({ connectionString: url });
    await setup.connect();
    try {
      await setup.query(`create schema if not exists ${schema}`);
    } finally {
      await setup.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    application_name: "tafel",
    // A database that does not answer fails the command within seconds, so the sender hears of the outage.
    connectionTimeoutMillis: 5_000,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle connection the server dropped: the next query gets a fresh one and reports any lasting fault.
  pool.on("error", () => undefined);
  try {
    await migrateSchema(pool);
  } catch (e) {
    await pool.end();
    throw e;
  }
  const store = new PostgresStore(pool, (options.cacheMb ?? Number.POSITIVE_INFINITY) * 1024 * 1024);
  watchCache(() => store.cacheStats());
  return store;
}
