import { mkdir, readdir, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { type Adapter, Low, Memory } from "lowdb";
import { SCHEMA_VERSION, type TableDoc } from "../../core/model.ts";
import { fail, ok, type Result } from "../../core/result.ts";
import { seenRecently } from "../../infra/seen-recently.ts";
import type { ReadQuery, Store, TableRef } from "../../ports.ts";
import { runChange } from "../change.ts";
import { MIGRATIONS, type Migrations, migrate, SchemaError, versionOf } from "../migrations.ts";
import { KeyedQueues } from "../queues.ts";
import { applyDelta, isEmpty } from "../tracker.ts";
import { invalidPart } from "../validate.ts";
import { backUpFiles, backupDue, scrubBackups } from "./backups.ts";
import { DurableJsonFile } from "./durable-file.ts";
import { Index, IndexDamaged, tableFileIds } from "./index-file.ts";
import { Journal } from "./journal.ts";
import { type LeaseOptions, lockDirectory, StoreLockLostError } from "./lock.ts";
import { MemoryReadLog, ReadLog } from "./read-log.ts";
import { LowRegions } from "./regions.ts";
import { readStoredSnapshot, SnapshotFile, writeSnapshot } from "./snapshot.ts";
import { TEMP_SUFFIX } from "./verified-write.ts";

interface Backend {
  /** The ids of the tables whose files are there, listed in the index or not. */
  tableIds(): Promise<string[]>;
  /** Rewrites a table's backups with the given cases purged. */
  scrubBackups(id: string, caseIds: readonly string[], at: string): Promise<void>;
  index: Low<Index>;
  adapter(id: string): Adapter<TableDoc>;
  /** A stored table as it stands: its snapshot with its journal replayed, migrated and validated. */
  load(id: string): Promise<TableDoc>;
  journal(id: string): Journal | null;
  /** The table's reads, kept out of its document. */
  readLog(id: string): ReadLog | MemoryReadLog;
  /** The size of a table's snapshot on disk, against which its journal's growth is weighed. */
  snapshotBytes(id: string): Promise<number>;
  /** Whether a table written to now has no backup of today yet (one a day while Tafel runs for weeks). */
  backupDue(id: string): boolean;
  /** Takes that backup from the table's files; run in the table's queue. */
  daily(id: string): Promise<void>;
  /** Refuses (StoreLockLostError) once another process took the directory's lock from this one. */
  fence(): Promise<void>;
  release(): Promise<void>;
}

/** A snapshot is rewritten once the journal outgrows it (and at least this much), keeping writes small. */
const COMPACT_MIN_BYTES = 256 * 1024;

/**
 * The embedded store: one lowdb document per table plus a small index, so a command writes the size of one
 * table, never the whole deployment. All changes to a table pass one queue, and a command is answered only
 * after its write is on disk.
 */
class LowStore implements Store {
  private readonly tablesById = new Map<string, Low<TableDoc>>();
  private readonly queues = new KeyedQueues();

  private readonly backend: Backend;
  readonly regions: LowRegions;

  constructor(backend: Backend, regions: LowRegions) {
    this.backend = backend;
    this.regions = regions;
  }

  private readonly snapshotBytes = new Map<string, number>();
  /** One process holds the directory, so what it has seen is what the deployment has seen. */
  private readonly seen = seenRecently();

  async load() {
    const index = this.backend.index;
    await index.read();
    const listed = new Set(index.data.tables.map((t) => t.id));
    // A table whose files are there but that the index lacks (an index deleted or written before the table):
    // taken in again from its own snapshot, never started without, nor set up anew over its files.
    const found = (await this.backend.tableIds()).filter((id) => !listed.has(id));
    for (const id of [...listed, ...found]) {
      const doc = await this.backend.load(id);
      this.tablesById.set(id, new Low(this.backend.adapter(id), doc));
      this.snapshotBytes.set(id, await this.backend.snapshotBytes(id));
    }
    if (found.length > 0) {
      const refs = found.map((id) => {
        const { table } = this.db(id).data;
        return { id, name: table.name, conversation: table.conversation };
      });
      index.data = { ...index.data, tables: [...index.data.tables, ...refs] };
      await index.write();
    }
  }

  async tableFor(conversation: string) {
    return this.backend.index.data.tables.find((t) => t.conversation === conversation) ?? null;
  }

  async tables() {
    return [...this.backend.index.data.tables];
  }

  async tablesOf(memberId: string) {
    return this.backend.index.data.tables.filter((t) =>
      this.tablesById.get(t.id)?.data.members.some((m) => m.id === memberId && m.removedAt === null),
    );
  }

  create(doc: TableDoc): Promise<Result<TableRef>> {
    return this.queues.run("index", async () => {
      const index = this.backend.index;
      if (index.data.tables.some((t) => t.conversation === doc.table.conversation || t.id === doc.table.id))
        return fail("tafel-bestaat");
      await this.backend.fence();
      const db = new Low(this.backend.adapter(doc.table.id), doc);
      await db.write();
      this.snapshotBytes.set(doc.table.id, (db.adapter as { bytes?: number }).bytes ?? 0);
      const ref = { id: doc.table.id, name: doc.table.name, conversation: doc.table.conversation };
      index.data = { ...index.data, tables: [...index.data.tables, ref] };
      await index.write();
      this.tablesById.set(doc.table.id, db);
      return ok(ref);
    });
  }

  private db(tableId: string): Low<TableDoc> {
    const db = this.tablesById.get(tableId);
    if (!db) throw new Error(`unknown table ${tableId}`);
    return db;
  }

  /**
   * The table as committed: after the changes queued before the read, since a change runs on the table itself
   * and one still writing (or about to be undone by a full disk) must not be seen.
   */
  read(tableId: string) {
    return this.hold(tableId, async (doc) => doc);
  }

  hold<T>(tableId: string, work: (doc: TableDoc) => Promise<T>): Promise<T> {
    const db = this.db(tableId);
    return this.queues.run(tableId, () => work(db.data));
  }

  /**
   * The change runs on the table itself under a tracker: a refusal or a fault undoes what it wrote, a success
   * appends just what it wrote to the table's journal (fsync'd) before the command is answered.
   */
  transact<T>(tableId: string, change: (draft: TableDoc) => Result<T>): Promise<Result<T>> {
    return this.queues.run(tableId, async () => {
      const db = this.db(tableId);
      const name = db.data.table.name;
      const made = runChange(db.data, change);
      if ("refused" in made) return made.refused;
      const { value, delta, reads } = made;
      if (isEmpty(delta) && reads.length === 0) return { ok: true, value };
      const invalid = invalidPart(delta);
      if (invalid) {
        made.rollback();
        return fail("opslag-ongeldig", { part: invalid });
      }
      const journal = this.backend.journal(tableId);
      try {
        // The reads first: a command that shows something is answered only once its look is on record.
        if (reads.length > 0) await this.backend.readLog(tableId).append(reads);
        if (isEmpty(delta)) return { ok: true, value };
        if (journal) await journal.append(delta);
        else await db.write();
        // Fenced: acknowledged only while the lock is still this process's. A holder paused past its lease
        // wrote into the journal the new holder set aside at its start (Journal.restart), never into its own.
        await this.backend.fence();
      } catch (e) {
        made.rollback();
        throw e;
      }
      // The command is durable in the journal now: a compaction that fails (a full disk) keeps the old
      // snapshot and the journal, and is tried again after a later command.
      if (journal && journal.bytes > Math.max(COMPACT_MIN_BYTES, this.snapshotBytes.get(tableId) ?? 0))
        await this.compact(tableId, db, journal).catch(() => undefined);
      if (db.data.table.name !== name) await this.rename(db.data);
      // The day's backup runs after this command is answered, before the table's next change.
      if (this.backend.backupDue(tableId)) void this.queues.run(tableId, () => this.backend.daily(tableId));
      return { ok: true, value };
    });
  }

  scrub(tableId: string, caseIds: readonly string[]): Promise<void> {
    return this.queues.run(tableId, async () => {
      const db = this.db(tableId);
      const journal = this.backend.journal(tableId);
      if (journal) await this.compact(tableId, db, journal);
      await this.backend.scrubBackups(tableId, caseIds, new Date().toISOString());
    });
  }

  reads(tableId: string, query: ReadQuery) {
    this.db(tableId);
    return this.backend.readLog(tableId).find(query);
  }

  pruneReads(tableId: string, before: string) {
    return this.queues.run(tableId, () => this.backend.readLog(tableId).prune(before));
  }

  async firstDelivery(key: string): Promise<boolean> {
    return !this.seen(key);
  }

  async forgetDelivery(key: string): Promise<void> {
    this.seen.forget(key);
  }

  /** An embedded store in this process is there while the process is. */
  async ready(): Promise<boolean> {
    return true;
  }

  private async compact(tableId: string, db: Low<TableDoc>, journal: Journal) {
    await this.backend.fence();
    await db.write();
    await journal.clear();
    this.snapshotBytes.set(tableId, (db.adapter as { bytes?: number }).bytes ?? 0);
  }

  private rename(doc: TableDoc) {
    return this.queues.run("index", async () => {
      await this.backend.fence();
      const index = this.backend.index;
      index.data = {
        ...index.data,
        tables: index.data.tables.map((t) => (t.id === doc.table.id ? { ...t, name: doc.table.name } : t)),
      };
      await index.write();
    });
  }

  async close() {
    await this.queues.idle();
    for (const id of this.tablesById.keys()) {
      await this.backend.journal(id)?.close();
      await this.backend.readLog(id).close();
    }
    await this.backend.release();
  }
}

const emptyIndex = (): Index => ({ schemaVersion: 1, tables: [] });

/** One of a thing per table id, made when first asked for. */
function keyed<T>(make: (id: string) => T): (id: string) => T {
  const made = new Map<string, T>();
  return (id) => {
    let x = made.get(id);
    if (x === undefined) {
      x = make(id);
      made.set(id, x);
    }
    return x;
  };
}

export async function openMemoryStore(): Promise<Store> {
  const store = new LowStore(
    {
      index: new Low(new Memory<Index>(), emptyIndex()),
      adapter: () => new Memory<TableDoc>(),
      load: async (id) => {
        throw new SchemaError(`memory store has no stored table ${id}`);
      },
      journal: () => null,
      tableIds: async () => [],
      snapshotBytes: async () => 0,
      readLog: keyed(() => new MemoryReadLog()),
      backupDue: () => false,
      daily: async () => {},
      scrubBackups: async () => {},
      fence: async () => {},
      release: async () => {},
    },
    LowRegions.memory(),
  );
  await store.load();
  return store;
}

export interface FileStoreOptions {
  migrations?: Migrations;
  /** The clock of the caller, for naming backups. */
  now?: () => Date;
  /** The lock's lease (tests shorten it) and what to do when it is lost: the caller stops the process. */
  lease?: LeaseOptions;
}

/** Opens (creating when absent) a data directory; refuses when another process holds it or a document is invalid. */
export async function openFileStore(dir: string, options: FileStoreOptions = {}): Promise<Store> {
  const migrations = options.migrations ?? MIGRATIONS;
  const now = options.now ?? (() => new Date());
  await mkdir(join(dir, "tables"), { recursive: true, mode: 0o700 });
  await mkdir(join(dir, "backups"), { recursive: true, mode: 0o700 });
  const release = await lockDirectory(dir, undefined, options.lease);
  const fence = async () => {
    if (!(await release.held())) throw new StoreLockLostError(dir);
  };
  try {
    await removeTempFiles(dir);
    const path = (id: string) => join(dir, "tables", `${id}.json`);
    const journalPath = (id: string) => join(dir, "tables", `${id}.journal`);
    const readLog = keyed((id) => new ReadLog(join(dir, "tables", `${id}.reads`)));
    const journal = keyed((id) => new Journal(journalPath(id)));
    const indexPath = join(dir, "index.json");
    const index = new Low(
      new DurableJsonFile(indexPath, (raw) => {
        const parsed = Index.safeParse(raw);
        if (!parsed.success) throw new IndexDamaged(indexPath);
        return parsed.data;
      }),
      emptyIndex(),
    );
    await index.read().catch((e) => {
      throw e instanceof SyntaxError ? new IndexDamaged(indexPath) : e;
    });
    /** The day of each table's newest backup, so a write checks the folder once a day, not every time. */
    const backedUp = new Map<string, string>();
    const today = () => now().toISOString().slice(0, 10);
    const store = new LowStore(
      {
        index,
        backupDue: (id) => backedUp.get(id) !== today(),
        daily: async (id) => {
          if (backedUp.get(id) === today()) return;
          await fence();
          backedUp.set(id, today());
          const files = { snapshot: path(id), journal: journalPath(id), journalBytes: journal(id).bytes };
          // On a full disk the backup waits for a later write; the command was already durable.
          await backUpFiles(dir, id, files, now()).catch(() => backedUp.delete(id));
        },
        adapter: (id) => new SnapshotFile(path(id)),
        tableIds: () => tableFileIds(dir),
        journal,
        snapshotBytes: async (id) => (await stat(path(id))).size,
        readLog,
        scrubBackups: (id, caseIds, at) => scrubBackups(dir, id, caseIds, at),
        load: async (id) => {
          const raw = await readStoredSnapshot(path(id));
          const deltas = await journal(id).readAll();
          for (const d of deltas) applyDelta(raw, d);
          const upgrade = versionOf(raw) !== SCHEMA_VERSION;
          // On a full disk the store still opens: the daily backup and folding the journal into the snapshot wait
          // for space (the journal keeps every change). Before a migration both are required.
          const unlessUpgrade = (e: unknown) => {
            if (upgrade) throw e;
          };
          const files = { snapshot: path(id), journal: journalPath(id), journalBytes: journal(id).bytes };
          if (upgrade || (await backupDue(dir, id, now())))
            await backUpFiles(dir, id, files, now()).catch(unlessUpgrade);
          backedUp.set(id, now().toISOString().slice(0, 10));
          const doc = migrate(raw, migrations);
          // The journal is folded into the snapshot and set aside, never truncated in place: a holder paused past
          // its lease keeps it open, and what it appends on waking must land in a file nobody reads again.
          if (upgrade || deltas.length > 0)
            await writeSnapshot(path(id), doc)
              .then(() => journal(id).restart())
              .catch(unlessUpgrade);
          else await journal(id).restart();
          return doc;
        },
        fence,
        release,
      },
      await LowRegions.file(dir, fence, now),
    );
    await store.load();
    return store;
  } catch (e) {
    await release();
    throw e;
  }
}

/**
 * A rewrite killed half-way leaves its temp file: a whole copy of a table that no purge would see. Ours end in
 * `.tmp`; an older Tafel's (write-file-atomic) in `.json.<hex>`.
 */
async function removeTempFiles(dir: string) {
  const temp = (f: string) => f.endsWith(TEMP_SUFFIX) || /\.json\.[0-9a-f]+$/.test(f);
  for (const entry of await readdir(dir, { recursive: true }))
    if (temp(entry)) await rm(join(dir, entry), { force: true });
}
