import type pg from "pg";
import { SCHEMA_VERSION } from "../../core/model.ts";
import { SchemaError } from "../migrations.ts";
import { sharer } from "../share.ts";
import { hasSchemaParts, invalidPart } from "../validate.ts";
import { applyParts, assemble, deltaOfParts, type Lengths, type Part } from "./parts.ts";

/** Rows read at a time when a table is loaded. */
const PAGE = 500;

/**
 * A stored table's rows as its document, read a page at a time with their strings shared, so a 10,000-case
 * table's rows are never all held as read. A table of this Tafel's schema is checked page by page as it comes
 * (the checker's copies go with each page); `current` is false for an older one, which its migration checks.
 */
export async function readTable(
  client: pg.PoolClient,
  tableId: string,
  lengths: Lengths,
): Promise<{ raw: Record<string, unknown>; current: boolean }> {
  const { rows: version } = await client.query<{ body: unknown }>(
    "select body from tafel_parts where table_id = $1 and part = 'schemaVersion'",
    [tableId],
  );
  const current = version[0]?.body === SCHEMA_VERSION;
  const misfit = () => new SchemaError(`table document does not match schema ${SCHEMA_VERSION}`);
  const raw = assemble([], {});
  const share = sharer();
  let after: [string, number] = ["", -2];
  for (;;) {
    const { rows } = await client.query<Part>(
      `select part, idx, body from tafel_parts where table_id = $1 and (part, idx) > ($2, $3)
       order by part, idx limit ${PAGE}`,
      [tableId, ...after],
    );
    for (const row of rows) row.body = share(row.body);
    if (current && invalidPart(deltaOfParts(rows))) throw misfit();
    applyParts(raw, rows, {});
    const last = rows.at(-1);
    if (!last || rows.length < PAGE) break;
    after = [last.part, last.idx];
  }
  applyParts(raw, [], lengths);
  if (current && !hasSchemaParts(raw)) throw misfit();
  return { raw, current };
}
