/**
 * Small-cell suppression for published counts (platform-limits §3.5): a count below `min` (but above 0) is shown
 * as "<min"; where a group shows its total, a single hidden cell could be worked out from it, so the next smallest
 * non-zero cell is hidden too, as "×" (complementary suppression). A total below `min` is itself hidden, and so is
 * a total that equals its one hidden cell.
 */
export type Shown = number | string;

export function suppressGroup(
  cells: Record<string, number>,
  min: number,
): { cells: Record<string, Shown>; total: Shown } {
  const small = new Set(
    Object.entries(cells)
      .filter(([, n]) => n > 0 && n < min)
      .map(([k]) => k),
  );
  const hidden = new Set(small);
  if (hidden.size === 1) {
    const next = Object.entries(cells)
      .filter(([k, n]) => n > 0 && !hidden.has(k))
      .sort((a, b) => a[1] - b[1])[0];
    if (next) hidden.add(next[0]);
  }
  const total = Object.values(cells).reduce((a, b) => a + b, 0);
  const nonZero = Object.values(cells).filter((n) => n > 0).length;
  const totalHidden = (total > 0 && total < min) || (hidden.size === 1 && nonZero === 1);
  return {
    cells: Object.fromEntries(
      Object.entries(cells).map(([k, n]) => [k, small.has(k) ? `<${min}` : hidden.has(k) ? "×" : n]),
    ),
    total: totalHidden ? `<${min}` : total,
  };
}
