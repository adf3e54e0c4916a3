import type pg from "pg";
import { SCHEMA_VERSION } from "../../core/model.ts";
import { SchemaError } from "../migrations.ts";
import { sharer } from "../share.ts";
import { hasSchemaParts, invalidPart } from "../validate.ts";
import { applyParts, assemble, deltaOfParts, type Lengths, type Part } from "./parts.ts";

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
