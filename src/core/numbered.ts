/**
 * Cases, agreements and decisions are numbered in the order they were added (`C-12` is the twelfth case) and
 * never removed, so the n-th is where to look first: a table of 10,000 cases is not searched per command. A
 * record found elsewhere (a table that broke the order) is still found by a search.
 */
export function byNumber<T extends { id: string }>(list: readonly T[], id: string): T | undefined {
  const n = Number(id.slice(id.indexOf("-") + 1));
  const first = Number.isInteger(n) && n > 0 ? list[n - 1] : undefined;
  return first?.id === id ? first : list.find((x) => x.id === id);
}
