import { TableDoc } from "../../core/model.ts";
import { MIGRATIONS, migrate } from "../migrations.ts";
import { applyDelta, type Delta } from "../tracker.ts";

type Doc = Record<string, unknown>;

const valid = (doc: Doc): TableDoc | null => {
  try {
    return TableDoc.safeParse(migrate(structuredClone(doc), MIGRATIONS)).data ?? null;
  } catch {
    return null;
  }
};

/**
 * Replays the intact journal lines onto a table when lines between them were lost (a flipped byte, a bad disk
 * block). A lost line may have added elements to a collection: a later line then writes past the end of the list.
 * Those positions are taken as lost; every later write is moved down over them, and a write to a lost element
 * itself is left out. So the changes that do not depend on the lost line are all kept, where replaying them as
 * they stand would leave holes in the lists. Returns the table and how many lines it used, or null when even
 * that does not make a valid table.
 */
export function salvage(base: Doc, deltas: readonly Delta[]): { doc: TableDoc; used: number } | null {
  const whole = structuredClone(base);
  for (const d of deltas) applyDelta(whole, d);
  const asIs = valid(whole);
  if (asIs) return { doc: asIs, used: deltas.length };
  const doc = structuredClone(base);
  /** Per collection, the original positions taken as lost, in order. */
  const lost = new Map<string, number[]>();
  let used = 0;
  for (const d of deltas) if (replay(doc, d, lost)) used++;
  const repaired = valid(doc);
  return repaired ? { doc: repaired, used } : null;
}

/** Applies one change with positions moved over the lost ones; false when it wrote only to lost elements. */
function replay(doc: Doc, delta: Delta, lost: Map<string, number[]>): boolean {
  let wrote = Object.keys(delta.set).length > 0;
  for (const [key, value] of Object.entries(delta.set)) doc[key] = structuredClone(value);
  for (const [coll, items] of Object.entries(delta.upsert)) {
    const list = doc[coll];
    if (!Array.isArray(list)) continue;
    const gone = lost.get(coll) ?? [];
    for (const [at, value] of items) {
      if (gone.includes(at)) continue;
      let to = at - gone.filter((g) => g < at).length;
      // Past the end: the positions between were added by a line that was lost.
      for (let missing = list.length; missing < to; missing++) gone.push(at - (to - missing));
      to = Math.min(to, list.length);
      list[to] = structuredClone(value);
      wrote = true;
    }
    lost.set(
      coll,
      gone.sort((a, b) => a - b),
    );
  }
  return wrote;
}
