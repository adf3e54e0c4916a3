import type pg from "pg";
import type { TableRef } from "../../ports.ts";

/**
 * The table of each conversation, as this instance first looked it up: a table keeps its id, name and conversation
 * from its making on (no command renames or removes one), so a command need not ask the database again (one round
 * trip of its three; issue #32). The first looked up go past `ROOMS`.
 */
export class Rooms {
  private readonly pool: pg.Pool;
  private readonly refs = new Map<string, TableRef>();

  constructor(pool: pg.Pool) {
    this.pool = pool;
  }

  async of(conversation: string): Promise<TableRef | null> {
    const known = this.refs.get(conversation);
    if (known) return known;
    const { rows } = await this.pool.query<TableRef>(
      "select id, name, conversation from tafel_tables where conversation = $1",
      [conversation],
    );
    const ref = rows[0];
    // None yet is not remembered: another instance may set the table up the next moment.
    if (!ref) return null;
    this.refs.set(conversation, ref);
    for (const first of this.refs.keys()) if (this.refs.size > ROOMS) this.refs.delete(first);
    return ref;
  }
}
/** Some ten thousand conversations, a country's tables, in a few megabytes. */
const ROOMS = 10_000;
