import type { z } from "zod";
import { TableDoc } from "../core/model.ts";
import { COLLECTIONS, type Delta } from "./tracker.ts";

const SHAPE: Readonly<Record<string, z.ZodType>> = TableDoc.shape;

function schemaOf(key: string, element: boolean): z.ZodType | null {
  if (!Object.hasOwn(SHAPE, key)) return null;
  const field = SHAPE[key] as z.ZodType;
  return element ? ((field as unknown as { element?: z.ZodType }).element ?? null) : field;
}

/**
 * The first part of a change that does not fit the table's schema, or null. A store checks it before it
 * acknowledges the change, because a document that does not fit is refused whole at the next start: the
 * change is refused at the command instead. Only what the change wrote is checked, so the cost is the change's.
 */
export function invalidPart(delta: Delta): string | null {
  for (const [key, value] of Object.entries(delta.set))
    if (!schemaOf(key, false)?.safeParse(value).success) return key;
  for (const [coll, items] of Object.entries(delta.upsert)) {
    const schema = schemaOf(coll, true);
    for (const [i, value] of items) if (!schema?.safeParse(value).success) return `${coll}[${i}]`;
  }
  return null;
}

/**
 * Whether a whole table fits its schema, checked part by part and element by element: the same verdict as
 * checking it at once, but zod's copy of what it checked is one case at a time, not a second whole table (a
 * 10,000-case table would be held twice while it opens).
 */
export function fitsSchema(doc: Record<string, unknown>): boolean {
  if (!hasSchemaParts(doc)) return false;
  const keys = Object.keys(doc);
  const upsert: Delta["upsert"] = {};
  const set: Delta["set"] = {};
  for (const key of keys) {
    const value = doc[key];
    if (COLLECTIONS.has(key) && Array.isArray(value))
      upsert[key] = value.map((v, i): [number, unknown] => [i, v]);
    else set[key] = value;
  }
  return invalidPart({ set, upsert }) === null;
}

/** Whether a table has the schema's parts, no more and no fewer (what is in them is checked apart). */
export function hasSchemaParts(doc: Record<string, unknown>): boolean {
  const keys = Object.keys(doc);
  return keys.length === Object.keys(SHAPE).length && keys.every((k) => Object.hasOwn(SHAPE, k));
}
