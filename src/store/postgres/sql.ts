import type { Part } from "./parts.ts";

/** The statements that write a table: each one statement, so one transaction. */

export const columns = (parts: readonly Part[]) => [
  parts.map((p) => p.part),
  parts.map((p) => p.idx),
  parts.map((p) => JSON.stringify(p.body)),
];

/**
 * One statement, so one transaction: the version moves on only from the version the change was made on, and the
 * parts are written under the new version only when it did. Another instance that wrote first makes it a no-op.
 * It returns when the table was due before the change: a change that makes no new work gives that back (`settle`).
 */
export const COMMIT = `
  with o as (select due_at from tafel_tables where id = $1), t as (
    update tafel_tables set version = version + 1, lengths = $3::json, name = $4,
      due_at = case when $10::boolean then due_at else '-infinity' end
    where id = $1 and version = $2 returning version
  ), w as (
    insert into tafel_parts (table_id, part, idx, version, body)
    select $1, p.part, p.idx, t.version, p.body::json
    from t, unnest($5::text[], $6::int[], $7::text[]) as p (part, idx, body)
    on conflict (table_id, part, idx) do update set version = excluded.version, body = excluded.body
  ), d as (
    delete from tafel_parts x using t, json_each_text($8::json) as s (part, n)
    where x.table_id = $1 and x.part = s.part and x.idx >= s.n::int
  ), r as (
    insert into tafel_reads (table_id, at, body)
    select $1, (e->>'at')::timestamptz, e from t, json_array_elements($9::json) as e
  )
  select t.version, extract(epoch from o.due_at)::float8 * 1000 as due_before from t, o`;

/** Reads alone (a case looked at): no table version moves, since a read changes nothing another could edit. */
export const READS = `
  insert into tafel_reads (table_id, at, body)
  select $1, (e->>'at')::timestamptz, e from json_array_elements($2::json) as e`;

export const CREATE = `
  with t as (
    insert into tafel_tables (id, name, conversation, version, lengths) values ($1, $2, $3, 1, $4::json)
    on conflict do nothing returning version
  ), w as (
    insert into tafel_parts (table_id, part, idx, version, body)
    select $1, p.part, p.idx, 1, p.body::json
    from t, unnest($5::text[], $6::int[], $7::text[]) as p (part, idx, body)
  )
  select count(*)::int as created from t`;

/** The tables where a person is a member now: their rows of the `members` collection, without loading a table. */
export const MEMBER_OF = `select t.id, t.name, t.conversation from tafel_tables t
  where exists (select 1 from tafel_parts p where p.table_id = t.id and p.part = 'members' and p.idx >= 0
    and p.body->>'id' = $1 and p.body->>'removedAt' is null)
  order by t.seq`;

/** The tables that may have work by now: their next moment has come, or they changed since their last tick. */
export const DUE = "select id from tafel_tables where due_at <= $1 order by seq";

/**
 * After a tick: the table's next moment, unless it changed after the version the tick saw last (then: due still).
 * Committed without waiting for the disk (`synchronous_commit` off for its own transaction): a settle lost in a crash
 * leaves the table due, and a tick finds the same nothing to do; the next commit flushes it with its own. A command
 * then waits on one flush of the log, not two (issue #32; 100 settles: 1 flush instead of 100, pg_stat_wal).
 */
export const SETTLE = `with quick as (select set_config('synchronous_commit', 'off', true))
  update tafel_tables set due_at = $3 where id = $1 and version = $2 and exists (select from quick)`;

/** A table's read log, from and before a moment and of one case when asked. */
export const READ_LOG = `select body from tafel_reads where table_id = $1
  and ($2::timestamptz is null or at >= $2) and ($3::timestamptz is null or at < $3)
  and ($4::text is null or body->>'caseId' = $4)
  order by seq`;
