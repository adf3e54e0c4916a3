import type pg from "pg";
import { DELIVERY_TTL_MS } from "../../infra/seen-recently.ts";

/** How often deliveries older than `DELIVERY_TTL_MS` are pruned. */
const PRUNE_EVERY_MS = 600_000;
const DELIVERY_TTL_SECONDS = DELIVERY_TTL_MS / 1000;

/** Deliveries handled by any instance (Store.firstDelivery), for an hour: rows of `tafel_deliveries`. */
export class PgDeliveries {
  private readonly pool: pg.Pool;
  private prunedAt = 0;

  constructor(pool: pg.Pool) {
    this.pool = pool;
  }

  /**
   * The first instance to insert the key has it; a key older than `DELIVERY_TTL_MS` counts as new again. Old keys are
   * pruned now and then, in a statement of their own so the claim stays one row.
   */
  async first(key: string): Promise<boolean> {
    const now = Date.now();
    if (now - this.prunedAt > PRUNE_EVERY_MS) {
      this.prunedAt = now;
      await this.pool.query("delete from tafel_deliveries where at < now() - make_interval(secs => $1)", [
        DELIVERY_TTL_SECONDS,
      ]);
    }
    const { rowCount } = await this.pool.query(
      `insert into tafel_deliveries (key) values ($1)
       on conflict (key) do update set at = now()
       where tafel_deliveries.at < now() - make_interval(secs => $2)`,
      [key, DELIVERY_TTL_SECONDS],
    );
    return rowCount === 1;
  }

  async forget(key: string): Promise<void> {
    await this.pool.query("delete from tafel_deliveries where key = $1", [key]);
  }
}
