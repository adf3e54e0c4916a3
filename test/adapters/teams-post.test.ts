import { describe, expect, it } from "vitest";
import { postActivity } from "../../adapters/teams/render.ts";

describe("Teams: buttons on posts", () => {
  it("sends a post with buttons as a card whose actions name the table, since the click may come from a chat", () => {
    const table = "teams:tenant-1:19:triage@thread.tacv2";
    const activity = postActivity(
      {
        text: "Goedemorgen @joost",
        buttons: [{ label: "A-1 klaar", run: "klaar A-1" }],
      },
      table,
    );
    const card = activity.attachments?.[0]?.content as { actions: unknown[] };
    expect(card.actions).toEqual([
      { type: "Action.Execute", title: "A-1 klaar", verb: "tafel", data: { run: "klaar A-1", table } },
    ]);
    expect(postActivity({ text: "x" }, table)).not.toHaveProperty("attachments");
  });
});
