import { type Cell, disclosed, type Relation } from "./disclosure.ts";

/**
 * Small-cell suppression for published counts (platform-limits §3.5) that holds against differencing: a count
 * below `min` (but above 0) is shown as "<min"; then, while the disclosure check can work a hidden cell out from
 * the published sums, a published non-zero cell of a relation that gives it away is hidden too (the one that leaves the fewest
 * cells disclosed, a part before a total, the smallest), as
 * "×" (complementary suppression), a part before a total. A zero is published: it discloses no one.
 */
export type Shown = number | string;

export interface Suppressed {
  shown: Map<string, Shown>;
  /** Hidden cells the published figures still give away: empty unless suppression could not protect them. */
  leaks: string[];
}

export function suppress(
  values: ReadonlyMap<string, number>,
  relations: readonly Relation[],
  min: number,
): Suppressed {
  const cells = new Map<string, Cell>(
    [...values].map(([id, value]) => [id, { value, hidden: value > 0 && value < min }]),
  );
  const small = new Set([...cells].filter(([, c]) => c.hidden).map(([id]) => id));
  const totals = new Set(relations.map((r) => r.total));
  for (let leaks = disclosed(cells, relations); leaks.length > 0; leaks = disclosed(cells, relations)) {
    const leak = leaks[0] as string;
    const candidates = [
      ...new Set(
        relations
          .filter((r) => r.total === leak || r.parts.includes(leak))
          .flatMap((r) => [...r.parts, r.total]),
      ),
    ].filter((id) => {
      const c = cells.get(id);
      return c !== undefined && !c.hidden && c.value > 0;
    });
    if (candidates.length === 0) break;
    // The cell whose hiding leaves the fewest cells disclosed; then a part before a total, then the smallest.
    const cost = (id: string) => {
      const c = cells.get(id) as Cell;
      c.hidden = true;
      const left = disclosed(cells, relations).length;
      c.hidden = false;
      return [left, Number(totals.has(id)), c.value] as const;
    };
    const ranked = candidates.map((id) => [id, cost(id)] as const);
    ranked.sort(([, a], [, b]) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
    (cells.get(ranked[0]?.[0] as string) as Cell).hidden = true;
  }
  return {
    shown: new Map([...cells].map(([id, c]) => [id, !c.hidden ? c.value : small.has(id) ? `<${min}` : "×"])),
    leaks: disclosed(cells, relations),
  };
}
