import { describe, expect, it } from "vitest";
import { dispatch } from "../../commands/dispatch.ts";
import type { Block } from "../../commands/types.ts";
import { tableWithMembers } from "../support/harness.ts";

type Stream = Extract<Block, { type: "stream" }>;

describe("the export, made as it is delivered", () => {
  it("is of one moment: a change asked for while it is made waits for it, and the next export has it", async () => {
    const h = await tableWithMembers();
    for (const n of ["2345678", "3456789", "4567890"])
      await h.say("joost", `signaal ${n} ongeoorloofd 2 vrijdag`);
    const out = await dispatch(h.deps, {
      text: "export",
      actor: { id: "anna", handle: "anna" },
      conversation: "console",
      correlationId: "e1",
    });
    const block = out.reply.blocks[0] as Stream;
    expect(block).toMatchObject({ type: "stream", file: "tafel-export.json" });
    const pieces: string[] = [];
    const order: string[] = [];
    let decision: Promise<unknown> | null = null;
    await block.write(async (piece) => {
      pieces.push(piece);
      // A slow platform: after the first piece a decision on the last case is asked for, and every piece
      // gives it the event loop's turn.
      decision ??= h.say("anna", 'besluit C-3 "Gesprek met ouders"').then(() => order.push("besluit"));
      await new Promise((resolve) => setImmediate(resolve));
    });
    order.push("export");
    await decision;
    expect(order).toEqual(["export", "besluit"]);
    const first = JSON.parse(pieces.join("")) as { cases: Array<{ id: string; decisions: unknown[] }> };
    expect(first.cases.map((c) => [c.id, c.decisions.length])).toEqual([
      ["C-1", 0],
      ["C-2", 0],
      ["C-3", 0],
    ]);
    expect(pieces.length).toBe(5);
    const again = (await h.say("anna", "export")).reply.blocks[0] as { text: string };
    expect(JSON.parse(again.text).cases[2].decisions).toHaveLength(1);
  });
});
