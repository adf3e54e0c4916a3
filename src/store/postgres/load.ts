import type pg from "pg";
import { SCHEMA_VERSION, type TableDoc } from "../../core/model.ts";
import { SchemaError } from "../migrations.ts";
import { sharer } from "../share.ts";
import { hasSchemaParts, invalidPart } from "../validate.ts";
import { applyParts, assemble, deltaOfParts, type Lengths, lengthsOf, type Part, partsOf } from "./parts.ts";
import { columns } from "./sql.ts";

/** Rows read at a time when a table is loaded: a 100-case table's thousand rows in one, a 10,000-case one in pages. */
const PAGE = 2000;

/** What a loaded table is: its document, the version and lengths it was read at, and its rows' stored size. */
export interface Loaded {
  raw: Record<string, unknown>;
  current: boolean;
  version: number;
  lengths: Lengths;
  /** The JSON text of its rows, in characters: the table cache's measure. */
  bytes: number;
}

/**
 * A stored table's rows as its document, in the snapshot `client` holds, read a page at a time with their strings
 * shared, so a 10,000-case table's rows are never all held as read. A table of this Tafel's schema is checked page
 * by page as it comes (the checker's copies go with each page); `current` is false for an older one, which its
 * migration checks. Its head and schema version come in one query and the rows as text (parsed here, and counted
 * as they come): a table loaded cold is a command's wait, so it takes as few round trips as it can.
 */
export async function readTable(client: pg.PoolClient, tableId: string): Promise<Loaded> {
  const { rows: head } = await client.query<{ version: string; lengths: Lengths; schema: unknown }>(
    `select version, lengths,
       (select body from tafel_parts where table_id = $1 and part = 'schemaVersion') as schema
     from tafel_tables where id = $1`,
    [tableId],
  );
  if (!head[0]) throw new Error(`unknown table ${tableId}`);
  const { lengths } = head[0];
  const current = head[0].schema === SCHEMA_VERSION;
  const misfit = () => new SchemaError(`table document does not match schema ${SCHEMA_VERSION}`);
  const raw = assemble([], {});
  const share = sharer();
  let bytes = 0;
  let after: [string, number] = ["", -2];
  for (;;) {
    const { rows: text } = await client.query<{ part: string; idx: number; body: string }>(
      `select part, idx, body::text as body from tafel_parts where table_id = $1 and (part, idx) > ($2, $3)
       order by part, idx limit ${PAGE}`,
      [tableId, ...after],
    );
    const rows: Part[] = text.map((r) => {
      bytes += r.body.length;
      return { part: r.part, idx: r.idx, body: share(JSON.parse(r.body)) };
    });
    if (current && invalidPart(deltaOfParts(rows))) throw misfit();
    applyParts(raw, rows, {});
    const last = rows.at(-1);
    if (!last || rows.length < PAGE) break;
    after = [last.part, last.idx];
  }
  applyParts(raw, [], lengths);
  if (current && !hasSchemaParts(raw)) throw misfit();
  return { raw, current, version: Number(head[0].version), lengths, bytes };
}

/** Runs `work` in one transaction begun with `begin`, committed when it returns and rolled back when it throws. */
async function inTransaction<T>(
  pool: pg.Pool,
  begin: string,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query(begin);
    const result = await work(client);
    await client.query("commit");
    return result;
  } catch (e) {
    await client.query("rollback").catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}

/** Runs `work` in one read-only snapshot of the database. */
export const inSnapshot = <T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> =>
  inTransaction(pool, "begin isolation level repeatable read read only", work);

/** The table's version now: whether what an instance holds of it is still current. */
export async function versionOf(pool: pg.Pool, tableId: string): Promise<number> {
  const { rows } = await pool.query<{ version: string }>("select version from tafel_tables where id = $1", [
    tableId,
  ]);
  if (!rows[0]) throw new Error(`unknown table ${tableId}`);
  return Number(rows[0].version);
}

export async function headOf(client: pg.PoolClient, tableId: string) {
  const { rows } = await client.query<{ version: string; lengths: Lengths }>(
    "select version, lengths from tafel_tables where id = $1",
    [tableId],
  );
  if (!rows[0]) throw new Error(`unknown table ${tableId}`);
  return { version: Number(rows[0].version), lengths: rows[0].lengths };
}

/** The parts written since `version`: what another instance changed since then. */
export async function partsSince(db: pg.Pool | pg.PoolClient, tableId: string, version: number) {
  const { rows } = await db.query<Part>(
    "select part, idx, body from tafel_parts where table_id = $1 and version > $2",
    [tableId, version],
  );
  return rows;
}

/**
 * A migrated table written anew, every part, at the version after `version`: its lengths, or null when another
 * instance migrated it first.
 */
export function rewriteTable(
  pool: pg.Pool,
  tableId: string,
  doc: TableDoc,
  version: number,
): Promise<Lengths | null> {
  const lengths = lengthsOf(doc as unknown as Record<string, unknown>);
  return inTransaction(pool, "begin", async (client) => {
    const { rowCount } = await client.query(
      "update tafel_tables set version = version + 1, lengths = $3::json, due_at = '-infinity' where id = $1 and version = $2",
      [tableId, version, JSON.stringify(lengths)],
    );
    // Another instance migrated it first: this transaction changed nothing.
    if (rowCount !== 1) return null;
    await client.query("delete from tafel_parts where table_id = $1", [tableId]);
    await client.query(
      `insert into tafel_parts (table_id, part, idx, version, body)
       select $1, p.part, p.idx, $2, p.body::json from unnest($3::text[], $4::int[], $5::text[]) as p (part, idx, body)`,
      [tableId, version + 1, ...columns(partsOf(doc))],
    );
    return lengths;
  });
}
