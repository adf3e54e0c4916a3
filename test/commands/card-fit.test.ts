import { describe, expect, it } from "vitest";
import { CARD_TEXT_MAX, fitCard, replyChars } from "../../commands/card-fit.ts";
import type { Reply } from "../../commands/types.ts";

describe("a card that would not fit", () => {
  it("loses the last lines of its longest lists, says how many per list, and keeps its fields", () => {
    const line = (i: number) => `${i}. ${"x".repeat(480)}`;
    const reply: Reply = {
      visibility: "private",
      title: "Casus C-1",
      blocks: [
        { type: "fields", fields: [["Status", "open"]] },
        { type: "list", title: "Open afspraken", items: Array.from({ length: 12 }, (_, i) => line(i)) },
        { type: "list", title: "Tijdlijn", items: Array.from({ length: 10 }, (_, i) => line(i)) },
        { type: "list", title: "Besluiten", items: [line(1)] },
      ],
    };
    const fit = fitCard(reply, (n) => `… en nog ${n}`);
    expect(replyChars(fit)).toBeLessThanOrEqual(CARD_TEXT_MAX);
    expect(fit.blocks[0]).toEqual(reply.blocks[0]);
    const items = fit.blocks.map((b) => (b.type === "list" ? b.items : []));
    // Each list keeps its first lines and says what went; a one-line list is left whole.
    expect(items[1]?.[0]).toBe(line(0));
    expect(items[1]?.at(-1)).toMatch(/^… en nog \d+$/);
    expect(items[2]?.at(-1)).toMatch(/^… en nog \d+$/);
    expect(items[3]).toEqual([line(1)]);
    const kept = (i: number) => (items[i]?.length ?? 0) - 1 + Number(items[i]?.at(-1)?.match(/\d+$/)?.[0]);
    expect([kept(1), kept(2)]).toEqual([12, 10]);
  });

  it("leaves a card that fits as it is", () => {
    const reply: Reply = { visibility: "private", blocks: [{ type: "list", items: ["a", "b"] }] };
    expect(fitCard(reply, () => "meer")).toBe(reply);
  });
});
