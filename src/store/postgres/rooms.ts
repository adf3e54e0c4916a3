import type pg from "pg";
import type { TableRef } from "../../ports.ts";

/**
 * The table of each conversation: a table keeps its id, name and conversation from its making on (no command renames
 * or removes one), so a command need not ask the database again (one round trip of its three; issue #32). The first
 * lookup reads the newest `ROOMS` tables at once: a new instance behind a load balancer gets commands from every
 * conversation, and asking for each on its first command cost 2,000 tables' worth of round trips in the scale run.
 * A conversation not among them is asked for alone; the first looked up go past `ROOMS`.
 */
export class Rooms {
  private readonly pool: pg.Pool;
  private readonly refs = new Map<string, TableRef>();
  private all: Promise<void> | undefined;

  constructor(pool: pg.Pool) {
    this.pool = pool;
  }

  async of(conversation: string): Promise<TableRef | null> {
    if (!this.all) {
      this.all = this.readAll();
      // A database that did not answer: the next command reads them again.
      this.all.catch(() => {
        this.all = undefined;
      });
    }
    await this.all;
    const known = this.refs.get(conversation);
    if (known) return known;
    const { rows } = await this.pool.query<TableRef>(
      "select id, name, conversation from tafel_tables where conversation = $1",
      [conversation],
    );
    const ref = rows[0];
    // None yet is not remembered: another instance may set the table up the next moment.
    if (ref) this.remember(ref);
    return ref ?? null;
  }

  private async readAll() {
    const { rows } = await this.pool.query<TableRef>(
      "select id, name, conversation from tafel_tables order by seq desc limit $1",
      [ROOMS],
    );
    for (const ref of rows.reverse()) this.remember(ref);
  }

  private remember(ref: TableRef) {
    this.refs.set(ref.conversation, ref);
    // The oldest goes: one step, not a walk over all ten thousand for each of the first read.
    const oldest = this.refs.size > ROOMS ? this.refs.keys().next().value : undefined;
    if (oldest !== undefined) this.refs.delete(oldest);
  }
}
/** Some ten thousand conversations, a country's tables, in a few megabytes. */
const ROOMS = 10_000;
