import type { TableDoc } from "../../core/model.ts";
import { COLLECTIONS, type Delta } from "../tracker.ts";

/** One row of a stored table: an element of a collection (`idx` ≥ 0) or any other value (`idx` = -1). */
export interface Part {
  part: string;
  idx: number;
  body: unknown;
}
export type Lengths = Record<string, number>;

const WHOLE = -1;
type Doc = Record<string, unknown>;

export const lengthsOf = (doc: Doc): Lengths =>
  Object.fromEntries([...COLLECTIONS].map((c) => [c, (doc[c] as unknown[] | undefined)?.length ?? 0]));

const partsOfValue = (key: string, value: unknown): Part[] =>
  COLLECTIONS.has(key)
    ? (value as unknown[]).map((body, idx) => ({ part: key, idx, body }))
    : [{ part: key, idx: WHOLE, body: value }];

export const partsOf = (doc: TableDoc): Part[] =>
  Object.entries(doc).flatMap(([key, value]) => partsOfValue(key, value));

/** What one committed change writes, and which records that were there before it edited. */
export interface Write {
  parts: Part[];
  lengths: Lengths;
  /** Collections that got shorter: their rows from the new length on go. */
  shrunk: Lengths;
  /** `cases/3`, or `outbox/*` for a collection replaced as a whole. */
  edited: Set<string>;
}

/** `lengths`: the collections' lengths after the change, as the table will have them. */
export function writeOf(lengths: Lengths, before: Lengths, delta: Delta): Write {
  const parts: Part[] = [];
  const edited = new Set<string>();
  for (const [key, value] of Object.entries(delta.set)) {
    parts.push(...partsOfValue(key, value));
    if (COLLECTIONS.has(key)) edited.add(`${key}/*`);
  }
  for (const [coll, items] of Object.entries(delta.upsert))
    for (const [idx, body] of items) {
      parts.push({ part: coll, idx, body });
      if (idx < (before[coll] ?? 0)) edited.add(`${coll}/${idx}`);
    }
  const shrunk = Object.fromEntries(
    Object.entries(lengths).filter(([coll, n]) => n < (before[coll] ?? 0)),
  ) as Lengths;
  return { parts, lengths, shrunk, edited };
}

/**
 * Whether another instance, in the parts it wrote since this one's change began, edited a record this change
 * edited too: then the change was made on a record that is no longer what its author saw.
 */
export function overlaps(mine: Set<string>, theirs: readonly Part[], before: Lengths): boolean {
  return theirs.some(
    (p) => p.idx < (before[p.part] ?? 0) && (mine.has(`${p.part}/${p.idx}`) || mine.has(`${p.part}/*`)),
  );
}

/** Rows as a change that wrote them, for the schema check of what a change writes (validate.ts). */
export function deltaOfParts(rows: readonly Part[]): Delta {
  const upsert = new Map<string, Array<[number, unknown]>>();
  for (const { part, idx, body } of rows) {
    if (idx === WHOLE) continue;
    const elements = upsert.get(part);
    if (elements) elements.push([idx, body]);
    else upsert.set(part, [[idx, body]]);
  }
  return {
    set: Object.fromEntries(rows.filter((r) => r.idx === WHOLE).map((r) => [r.part, r.body])),
    upsert: Object.fromEntries(upsert),
  };
}

/** Builds a table from all its rows. */
export function assemble(rows: readonly Part[], lengths: Lengths): Doc {
  const doc: Doc = Object.fromEntries([...COLLECTIONS].map((c) => [c, []]));
  applyParts(doc, rows, lengths);
  return doc;
}

/** Brings a held table up to date with the rows written since it was read. */
export function applyParts(doc: Doc, rows: readonly Part[], lengths: Lengths) {
  for (const { part, idx, body } of rows) {
    if (idx === WHOLE) doc[part] = body;
    else (doc[part] as unknown[])[idx] = body;
  }
  for (const [coll, n] of Object.entries(lengths)) {
    const list = doc[coll] as unknown[] | undefined;
    if (list && list.length > n) list.length = n;
  }
}
