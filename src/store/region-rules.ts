import type { RegionDoc } from "../core/model-region.ts";
import { fail, ok, type Result } from "../core/result.ts";

/**
 * What any store checks before it writes a region (the RegionStore contract): made on the version stored, and no
 * table in two regions. `stored` is what the store holds now.
 */
export function regionSaveAllowed(doc: RegionDoc, stored: readonly RegionDoc[]): Result<null> {
  const current = stored.find((r) => r.id === doc.id);
  if ((current?.version ?? 0) !== doc.version - 1) return fail("gewijzigd");
  const taken = doc.tables.find((t) => stored.some((r) => r.id !== doc.id && r.tables.includes(t)));
  return taken === undefined ? ok(null) : fail("regio-al", { table: taken });
}
