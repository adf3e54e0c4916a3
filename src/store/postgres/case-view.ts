import type pg from "pg";
import { SCHEMA_VERSION, TableDoc } from "../../core/model.ts";
import { RegionDoc } from "../../core/model-region.ts";
import type { CaseChange } from "../../ports.ts";
import { SchemaError } from "../migrations.ts";
import { COLLECTIONS, type Delta } from "../tracker.ts";
import { hasSchemaParts, invalidPart } from "../validate.ts";
import type { Held } from "./cache.ts";
import { versionOf } from "./load.ts";
import { deltaOfParts, type Lengths, type Part, type Write, writeOf } from "./parts.ts";

/**
 * What a command about one case reads of a table it does not hold (issue #32): the table's small values, its
 * members, meetings and outbox whole, and of the cases, agreements, decisions and audit trail only the rows of that
 * case (and the meetings' starts, which its timeline shows). A 100-case table is then a few dozen rows, not a
 * thousand. Which rows belong to a case is kept beside each row (schema.ts, `ref`).
 */
export const PARTIAL: ReadonlySet<string> = new Set(["cases", "actions", "decisions", "audit"]);

/** A case's view of a table: its collections in `PARTIAL` hold some elements, whose places in the table are `slots`. */
export interface CaseView extends Held {
  /** For each partial collection, the table's index of each element held, in order. */
  slots: Map<string, number[]>;
  /** Every case's keyed pseudonym: the privacy guard refuses a number of any pupil at the table, not just this one's. */
  pupilKeys: ReadonlySet<string>;
  /** The table's region as the view was read (the work about the case asks for it several times); undefined: ask. */
  region: RegionDoc | null | undefined;
}

/** The rows of READ that are not the table's: they are named as no part of a table can be. */
const KEY = "~sleutel";
const REGION = "~regio";

export const isView = (held: Held): held is CaseView => "slots" in held;

/** Work about one case of a table (`Store.about`): its view while it lasts, or `whole` once a change needs the table. */
export interface Scope {
  tableId: string;
  caseId: string;
  /** The version the work is weighed at (`Store.about`): a view kept at it is taken without asking the table. */
  at?: number | undefined;
  open: boolean;
  whole: boolean;
  /**
   * Set once a change was committed in it (the table's tick follows when the work is done): the table's version after
   * the work's changes, and when it was due before them (ms; -Infinity: due already).
   */
  version?: number;
  dueBefore?: number;
  view?: CaseView | undefined;
  /** The view the last change about this case left (KeptViews), used when the table did not move on since. */
  kept?: CaseView | undefined;
}

/**
 * The views the last changes about a case left, at the version they made, with the region as the change read it: the
 * tick that follows such a change takes its view as it is, the next command about the case checks the version
 * instead of reading the case again. A few at most: the ticks take them soon after.
 */
export class KeptViews {
  private readonly views = new Map<string, { caseId: string; view: CaseView }>();

  keep(scope: Scope) {
    if (scope.version === undefined || !scope.view) return;
    this.views.delete(scope.tableId);
    this.views.set(scope.tableId, { caseId: scope.caseId, view: scope.view });
    for (const oldest of this.views.keys()) if (this.views.size > KEPT) this.views.delete(oldest);
  }

  take(tableId: string, caseId: string): CaseView | undefined {
    const kept = this.views.get(tableId);
    this.views.delete(tableId);
    return kept?.caseId === caseId ? kept.view : undefined;
  }
}
const KEPT = 16;

/** A change's commit: the table's version it made, and when the table was due before it (ms; -Infinity: due). */
export interface Committed {
  version: number;
  dueBefore: number;
}

/** A change committed in the scope: made on the work's own last one, the table is due as before that one. */
export function committedIn(scope: Scope, base: number, made: Committed) {
  // Else another's change came between, and the table was due as this commit found it.
  if (scope.version !== base) scope.dueBefore = made.dueBefore;
  scope.version = made.version;
}

/** The case's view is read again at its next use, or (`whole`) the whole table is from now on. */
export function leaveView(scope: Scope | undefined, whole: boolean) {
  if (!scope) return;
  scope.view = undefined;
  if (whole) scope.whole = true;
}

/** What the scope's changes tell the table's tick: nothing when the table was due before them anyway. */
export function caseChange(scope: Scope): CaseChange | undefined {
  const { caseId, version, dueBefore = Number.NEGATIVE_INFINITY } = scope;
  return version !== undefined && Number.isFinite(dueBefore)
    ? { caseId, dueBefore: new Date(dueBefore), version }
    : undefined;
}

/**
 * The head with each row, every case's pupil key (one row of them) and the table's region, in one statement, so in
 * one snapshot and one round trip (json_agg of the rows too would take three times as long).
 */
const READ = `
  select t.version, t.lengths, p.part, p.idx, p.body::text as body
  from tafel_tables t left join tafel_parts p
    on p.table_id = t.id and (p.part = any($3::text[]) or p.ref in ($2, '~overleg'))
  where t.id = $1
  union all
  select null, null, '${KEY}', 0, coalesce(json_agg(k.pupil_key), '[]')::text
  from tafel_parts k where k.table_id = $1 and k.pupil_key is not null
  union all
  select null, null, '${REGION}', 0, r.body::text from tafel_regions r where r.tables @> array[$1::text]
  order by part, idx`;

/** The parts read whole: every value and collection of a table but those read in part. */
const WHOLE = Object.keys(TableDoc.shape).filter((key) => !PARTIAL.has(key));

/**
 * The view of one case, its rows in one statement; null when the table is of an older schema, which only a whole
 * load migrates.
 */
export async function readCase(pool: pg.Pool, tableId: string, caseId: string): Promise<CaseView | null> {
  const { rows: read } = await pool.query<{
    version: string | null;
    lengths: Lengths | null;
    part: string | null;
    idx: number;
    body: string;
  }>(READ, [tableId, caseId, WHOLE]);
  const head = read.find((r) => r.version !== null && r.lengths !== null);
  if (!head?.lengths) throw new Error(`unknown table ${tableId}`);
  let bytes = 0;
  const rows: Part[] = [];
  const pupilKeys = new Set<string>();
  let region: RegionDoc | null = null;
  for (const r of read)
    if (r.part === KEY) for (const key of JSON.parse(r.body) as string[]) pupilKeys.add(key);
    else if (r.part === REGION) region = RegionDoc.parse(JSON.parse(r.body));
    else if (r.part !== null) {
      bytes += r.body.length;
      rows.push({ part: r.part, idx: r.idx, body: JSON.parse(r.body) });
    }
  if (!rows.some((r) => r.part === "schemaVersion" && r.body === SCHEMA_VERSION)) return null;
  const doc: Record<string, unknown> = Object.fromEntries([...COLLECTIONS].map((c) => [c, []]));
  const slots = new Map([...PARTIAL].map((c) => [c, [] as number[]]));
  for (const { part, idx, body } of rows) {
    if (idx === -1) doc[part] = body;
    else {
      (doc[part] as unknown[]).push(body);
      slots.get(part)?.push(idx);
    }
  }
  if (invalidPart(deltaOfParts(rows)) || !hasSchemaParts(doc))
    throw new SchemaError(`table document does not match schema ${SCHEMA_VERSION}`);
  return {
    doc: doc as unknown as Held["doc"],
    version: Number(head.version),
    lengths: head.lengths,
    bytes,
    slots,
    pupilKeys,
    region,
  };
}

/**
 * The scope's view when it has none: the one its case's last change left when the work is weighed at that version
 * (the tick after it: its settle fails if the table moved on, and the region it read a moment ago stands as any tick's
 * does until its settle), or when the table is still at that version (its region then asked anew, since a region's
 * change moves no table's version); else read now (`onRead`). None for a table of an older schema, which only a whole
 * load migrates.
 */
export async function viewOf(pool: pg.Pool, scope: Scope, onRead: () => void): Promise<CaseView | undefined> {
  const { kept } = scope;
  scope.kept = undefined;
  if (kept && kept.version === scope.at) return kept;
  if (kept && (await versionOf(pool, scope.tableId)) === kept.version) return { ...kept, region: undefined };
  const read = await readCase(pool, scope.tableId, scope.caseId);
  if (read) onRead();
  return read ?? undefined;
}

/**
 * What a change made on a case's view writes to the table: each element at its place in the table, new ones after
 * the table's last. Null when the change did what a view cannot say (replaced or shortened a collection it holds
 * only part of): it is then made again on the whole table.
 */
export function viewWrite(view: CaseView, delta: Delta): Write | null {
  const doc = view.doc as unknown as Record<string, unknown>;
  const lengths: Lengths = {};
  const upsert: Delta["upsert"] = {};
  for (const coll of COLLECTIONS) {
    const held = (doc[coll] as unknown[]).length;
    const slots = view.slots.get(coll);
    if (!slots) {
      lengths[coll] = held;
      continue;
    }
    if (held < slots.length || Object.hasOwn(delta.set, coll)) return null;
    const base = view.lengths[coll] ?? 0;
    lengths[coll] = base + held - slots.length;
    const place = (i: number) => (i < slots.length ? (slots[i] as number) : base + i - slots.length);
    const items = delta.upsert[coll];
    if (items) upsert[coll] = items.map(([i, body]) => [place(i), body]);
  }
  for (const [coll, items] of Object.entries(delta.upsert)) if (!view.slots.has(coll)) upsert[coll] = items;
  return writeOf(lengths, view.lengths, { set: delta.set, upsert });
}

/** After its write landed: the view's new elements have their places in the table, after the table's last. */
export function advance(view: CaseView, write: Write, version: number) {
  const doc = view.doc as unknown as Record<string, unknown>;
  for (const [coll, slots] of view.slots) {
    const base = view.lengths[coll] ?? 0;
    const added = (doc[coll] as unknown[]).length - slots.length;
    for (let k = 0; k < added; k++) slots.push(base + k);
  }
  view.version = version;
  view.lengths = write.lengths;
}
