import { copyFile, mkdir, readdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { type Adapter, Low, Memory } from "lowdb";
import { z } from "zod";
import { SCHEMA_VERSION, type TableDoc } from "../../core/model.ts";
import { fail, ok, type Result } from "../../core/result.ts";
import type { Store, TableRef } from "../../ports.ts";
import { DurableJsonFile } from "./durable-file.ts";
import { lockDirectory } from "./lock.ts";
import { MIGRATIONS, type Migrations, migrate, SchemaError, versionOf } from "./migrations.ts";

const Index = z.strictObject({
  schemaVersion: z.literal(1),
  tables: z.array(z.strictObject({ id: z.string(), name: z.string(), conversation: z.string() })),
});
type Index = z.infer<typeof Index>;

const BACKUPS_KEPT = 7;

interface Backend {
  index: Low<Index>;
  adapter(id: string): Adapter<TableDoc>;
  release(): Promise<void>;
}

/**
 * The embedded store: one lowdb document per table plus a small index, so a command writes the size of one
 * table, never the whole deployment. All changes to a table pass one queue, and a command is answered only
 * after its write is on disk.
 */
class LowStore implements Store {
  private readonly tablesById = new Map<string, Low<TableDoc>>();
  private readonly queues = new Map<string, Promise<unknown>>();

  private readonly backend: Backend;

  constructor(backend: Backend) {
    this.backend = backend;
  }

  async load() {
    await this.backend.index.read();
    for (const ref of this.backend.index.data.tables) {
      const adapter = this.backend.adapter(ref.id);
      const doc = await adapter.read();
      if (!doc) throw new SchemaError(`table ${ref.id} is in the index but its document is missing`);
      this.tablesById.set(ref.id, new Low(adapter, doc));
    }
  }

  private queued<T>(key: string, work: () => Promise<T>): Promise<T> {
    const run = (this.queues.get(key) ?? Promise.resolve()).then(work, work);
    this.queues.set(
      key,
      run.catch(() => undefined),
    );
    return run;
  }

  async tableFor(conversation: string) {
    return this.backend.index.data.tables.find((t) => t.conversation === conversation) ?? null;
  }

  async tables() {
    return [...this.backend.index.data.tables];
  }

  create(doc: TableDoc): Promise<Result<TableRef>> {
    return this.queued("index", async () => {
      const index = this.backend.index;
      if (index.data.tables.some((t) => t.conversation === doc.table.conversation || t.id === doc.table.id))
        return fail("tafel-bestaat");
      const db = new Low(this.backend.adapter(doc.table.id), doc);
      await db.write();
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

  async read(tableId: string) {
    return this.db(tableId).data;
  }

  transact<T>(tableId: string, change: (draft: TableDoc) => Result<T>): Promise<Result<T>> {
    return this.queued(tableId, async () => {
      const db = this.db(tableId);
      const before = db.data;
      const draft = structuredClone(before);
      const result = change(draft);
      if (!result.ok) return result;
      db.data = draft;
      try {
        await db.write();
      } catch (e) {
        db.data = before;
        throw e;
      }
      if (draft.table.name !== before.table.name) await this.rename(draft);
      return result;
    });
  }

  private rename(doc: TableDoc) {
    return this.queued("index", async () => {
      const index = this.backend.index;
      index.data = {
        ...index.data,
        tables: index.data.tables.map((t) => (t.id === doc.table.id ? { ...t, name: doc.table.name } : t)),
      };
      await index.write();
    });
  }

  async close() {
    await Promise.all([...this.queues.values()]);
    await this.backend.release();
  }
}

const emptyIndex = (): Index => ({ schemaVersion: 1, tables: [] });

export async function openMemoryStore(): Promise<Store> {
  const store = new LowStore({
    index: new Low(new Memory<Index>(), emptyIndex()),
    adapter: () => new Memory<TableDoc>(),
    release: async () => {},
  });
  await store.load();
  return store;
}

export interface FileStoreOptions {
  migrations?: Migrations;
  /** The clock of the caller, for naming backups. */
  now?: () => Date;
}

/** Opens (creating when absent) a data directory; refuses when another process holds it or a document is invalid. */
export async function openFileStore(dir: string, options: FileStoreOptions = {}): Promise<Store> {
  const migrations = options.migrations ?? MIGRATIONS;
  const now = options.now ?? (() => new Date());
  await mkdir(join(dir, "tables"), { recursive: true, mode: 0o700 });
  await mkdir(join(dir, "backups"), { recursive: true, mode: 0o700 });
  const release = await lockDirectory(dir);
  try {
    const path = (id: string) => join(dir, "tables", `${id}.json`);
    const index = new Low(
      new DurableJsonFile(join(dir, "index.json"), (raw) => Index.parse(raw)),
      emptyIndex(),
    );
    await index.read();
    for (const ref of index.data.tables) await backUp(dir, ref.id, path(ref.id), now());
    const store = new LowStore({
      index,
      adapter: (id) => new DurableJsonFile(path(id), (raw) => migrate(raw, migrations)),
      release,
    });
    await store.load();
    return store;
  } catch (e) {
    await release();
    throw e;
  }
}

/**
 * A copy before any migration touches a document, and otherwise at most one a day; the newest few are kept.
 */
async function backUp(dir: string, id: string, file: string, at: Date) {
  const folder = join(dir, "backups", id);
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const existing = (await readdir(folder)).filter((f) => f.endsWith(".json")).sort();
  const needsMigration = versionOf(JSON.parse(await readFile(file, "utf8"))) !== SCHEMA_VERSION;
  const newest = existing.at(-1);
  const stale = !newest || newest.slice(0, 10) !== at.toISOString().slice(0, 10);
  if (!needsMigration && !stale) return;
  await copyFile(file, join(folder, `${at.toISOString().replace(/:/g, "_")}.json`));
  for (const old of existing.slice(0, Math.max(0, existing.length + 1 - BACKUPS_KEPT)))
    await rm(join(folder, old));
}
