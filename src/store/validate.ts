import type { z } from "zod";
import { TableDoc } from "../core/model.ts";
import type { Delta } from "./tracker.ts";

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
