import type pg from "pg";

/**
 * The database's own schema, one step per entry, applied in order when a store opens. A table document is kept
 * in parts: one row per element of its collections (cases, actions, audit, …) and one per other value, each
 * stamped with the table version that last wrote it, so a command writes only what it changed and an instance
 * catches up by reading what changed since the version it holds. `json`, not `jsonb`: a part comes back exactly
 * as it was written, key order included. What is read from inside a part is kept beside it in a generated column.
 */
export const SCHEMA: readonly string[] = [
  `create table tafel_tables (
     seq bigserial unique,
     id text primary key,
     name text not null,
     conversation text not null unique,
     version bigint not null,
     lengths json not null
   );
   create table tafel_parts (
     table_id text not null references tafel_tables (id) on delete cascade,
     part text not null,
     idx integer not null,
     version bigint not null,
     body json not null,
     primary key (table_id, part, idx)
   );
   create index tafel_parts_since on tafel_parts (table_id, version);`,
  // Deliveries handled by any instance (Store.firstDelivery), for an hour; older rows are pruned.
  `create table tafel_deliveries (
     key text primary key,
     at timestamptz not null default now()
   );
   create index tafel_deliveries_at on tafel_deliveries (at);`,
  // Reads audited at a table (Store.reads): rows of their own, out of the table document, by period.
  `create table tafel_reads (
     table_id text not null references tafel_tables (id) on delete cascade,
     seq bigserial,
     at timestamptz not null,
     body json not null,
     primary key (table_id, seq)
   );
   create index tafel_reads_at on tafel_reads (table_id, at);`,
  // Regions (issue #30): records of their own; \`tables\` is kept beside the body so a table finds its region by index.
  `create table tafel_regions (
     id text primary key,
     version bigint not null,
     tables text[] not null,
     body json not null
   );
   create index tafel_regions_tables on tafel_regions using gin (tables);`,
  // When a table may next have work (issue #32): the scheduler visits only tables due by now, not every table every
  // minute. Any change makes a table due at once ('-infinity'); a tick that changed nothing sets the next moment.
  `alter table tafel_tables add column due_at timestamptz not null default '-infinity';
   create index tafel_tables_due on tafel_tables (due_at);`,
  // A command about one case reads that case's rows, not the table's (issue #32; load.ts, readCase): `ref` is the
  // case a row belongs to (`~overleg` for a meeting's start, which every case's timeline shows), and
  // `pupil_key` each case's keyed pseudonym, which the privacy guard looks for in what is typed.
  `alter table tafel_parts
     add column ref text generated always as (case
       when part = 'cases' then body->>'id'
       when part in ('actions', 'decisions') then body->>'caseId'
       when part = 'audit' then coalesce(body->>'caseId',
         case when body->>'event' = 'overleg.gestart' then '~overleg' end)
     end) stored,
     add column pupil_key text generated always as (case when part = 'cases' then body->>'pupilKey' end) stored;
   create index tafel_parts_ref on tafel_parts (table_id, ref) where ref is not null;
   create index tafel_parts_pupils on tafel_parts (table_id, pupil_key) where pupil_key is not null;`,
];

/** Any number of instances may start at once: the first takes the lock and migrates, the others wait for it. */
export async function migrateSchema(pool: pg.Pool): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query("begin");
    await client.query("select pg_advisory_xact_lock(hashtext(current_schema() || '.tafel_schema'))");
    await client.query(
      "create table if not exists tafel_schema (version integer primary key, applied_at timestamptz not null default now())",
    );
    const { rows } = await client.query<{ v: number | null }>("select max(version) as v from tafel_schema");
    const from = rows[0]?.v ?? 0;
    if (from > SCHEMA.length)
      throw new Error(`database schema ${from} is newer than this Tafel (${SCHEMA.length})`);
    for (let v = from + 1; v <= SCHEMA.length; v++) {
      await client.query(SCHEMA[v - 1] as string);
      await client.query("insert into tafel_schema (version) values ($1)", [v]);
    }
    await client.query("commit");
    return SCHEMA.length - from;
  } catch (e) {
    await client.query("rollback").catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}
