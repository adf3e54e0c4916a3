/**
 * `JSON.stringify({ ...head, [key]: list }, null, 2)`, made a piece at a time: the head, then each element of
 * the list as it comes. The same text, but neither it nor the list is ever whole in memory (the export of a
 * 10,000-case table is 76 MB of JSON).
 */
export function* prettyJsonPieces(head: object, key: string, list: Iterable<unknown>): Generator<string> {
  const empty = JSON.stringify({ ...head, ...Object.fromEntries([[key, []]]) }, null, 2);
  // The head as JSON.stringify writes it, up to the empty list that closes it: `…"cases": []\n}`.
  yield `${empty.slice(0, -"[]\n}".length)}[`;
  let first = true;
  for (const element of list) {
    const json = JSON.stringify(element, null, 2) ?? "null";
    yield `${first ? "" : ","}\n    ${json.replaceAll("\n", "\n    ")}`;
    first = false;
  }
  yield first ? "]\n}" : "\n  ]\n}";
}
