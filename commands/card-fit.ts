import type { Block, Reply } from "./types.ts";

/**
 * The words a card may hold. Slack has refused messages from about 13,200 characters (`msg_blocks_too_long`) and
 * Teams a card over about 28 KB; nobody reads more in chat anyway. With each platform's markup around them, 8,000
 * characters of text stay under 12,000 on both (checked on the bench's busiest case).
 */
export const CARD_TEXT_MAX = 8_000;

const blockChars = (b: Block): number => {
  switch (b.type) {
    case "text":
    case "code":
      return b.text.length;
    case "list":
      return (b.title?.length ?? 0) + b.items.reduce((n, item) => n + item.length, 0);
    case "fields":
      return b.fields.reduce((n, [label, value]) => n + label.length + value.length, 0);
    case "image":
      return b.alt.length;
    case "stream":
      return b.file.length;
  }
};

export const replyChars = (reply: Reply): number =>
  (reply.title?.length ?? 0) + reply.blocks.reduce((n, b) => n + blockChars(b), 0);

/**
 * Makes a card fit `max` by taking the last lines off its longest lists, one at a time, and saying per list how
 * many more there are (`more`), so nothing is dropped unsaid. The lists keep their first lines: the card's order
 * (the earliest due, the newest event) already puts what matters first.
 */
export function fitCard(reply: Reply, more: (n: number) => string, max = CARD_TEXT_MAX): Reply {
  let size = replyChars(reply);
  if (size <= max) return reply;
  const lists = reply.blocks.map((b) => (b.type === "list" ? [...b.items] : null));
  const dropped = lists.map(() => 0);
  // Room for the "n more" lines that will be added.
  const room = max - 60 * lists.filter(Boolean).length;
  while (size > room) {
    let longest = -1;
    let chars = 0;
    for (const [i, items] of lists.entries()) {
      const n = items && items.length > 1 ? items.reduce((sum, item) => sum + item.length, 0) : 0;
      if (n > chars) [longest, chars] = [i, n];
    }
    if (longest < 0) break;
    const items = lists[longest] as string[];
    size -= (items.pop() as string).length;
    dropped[longest] = (dropped[longest] as number) + 1;
  }
  return {
    ...reply,
    blocks: reply.blocks.map((b, i) =>
      b.type === "list" && dropped[i]
        ? { ...b, items: [...(lists[i] as string[]), more(dropped[i] as number)] }
        : b,
    ),
  };
}
