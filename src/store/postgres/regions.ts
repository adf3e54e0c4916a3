import type pg from "pg";
import { RegionDoc } from "../../core/model-region.ts";
import type { Result } from "../../core/result.ts";
import type { RegionStore } from "../../ports.ts";
import { regionSaveAllowed } from "../region-rules.ts";

const parse = (rows: Array<{ body: unknown }>) => rows.map((r) => RegionDoc.parse(r.body));

/**
 * The scale-out store's regions: a row each. A save takes one lock for all regions (they are few and change
 * rarely), so the version check and the rule that a table is in one region hold across instances.
 */
export class PgRegions implements RegionStore {
  private readonly pool: pg.Pool;
  /** The table's region when the store read it already for the work running (a case's view), else undefined. */
  private readonly known: (tableId: string) => RegionDoc | null | undefined;

  constructor(pool: pg.Pool, known: (tableId: string) => RegionDoc | null | undefined = () => undefined) {
    this.pool = pool;
    this.known = known;
  }

  async all() {
    const { rows } = await this.pool.query<{ body: unknown }>("select body from tafel_regions order by id");
    return parse(rows);
  }

  async of(tableId: string) {
    const known = this.known(tableId);
    if (known !== undefined) return known;
    const { rows } = await this.pool.query<{ body: unknown }>(
      "select body from tafel_regions where tables @> array[$1::text]",
      [tableId],
    );
    return parse(rows)[0] ?? null;
  }

  async save(doc: RegionDoc): Promise<Result<RegionDoc>> {
    const parsed = RegionDoc.parse(doc);
    const client = await this.pool.connect();
    try {
      await client.query("begin");
      await client.query("select pg_advisory_xact_lock(hashtext(current_schema() || '.tafel_regions'))");
      const { rows } = await client.query<{ body: unknown }>("select body from tafel_regions");
      const allowed = regionSaveAllowed(parsed, parse(rows));
      if (!allowed.ok) {
        await client.query("rollback");
        return allowed;
      }
      await client.query(
        `insert into tafel_regions (id, version, tables, body) values ($1, $2, $3, $4)
         on conflict (id) do update set version = excluded.version, tables = excluded.tables, body = excluded.body`,
        [parsed.id, parsed.version, parsed.tables, JSON.stringify(parsed)],
      );
      await client.query("commit");
      return { ok: true, value: parsed };
    } catch (e) {
      await client.query("rollback").catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  }
}
