import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderPost } from "../../adapters/slack/render.ts";
import { buttonBody, slackTable } from "../support/slack.ts";

type T = Awaited<ReturnType<typeof slackTable>>;

/** A click on a button of a message in the person's DM with Tafel: it names the table's channel. */
const dmClick = (user: { id: string; username: string }, value: string, ts: string) =>
  buttonBody(user, "", ts, { channel: "D9", value });

describe("Slack: buttons where the work is", () => {
  let s: T;
  beforeAll(async () => {
    s = await slackTable();
    await s.slash("U2", "signaal 2345678 ongeoorloofd 4 vrijdag");
    await s.slash("U2", 'actie C-1 <@U2|joost> 4-12 "Bellen"');
    await s.settle();
  });
  afterAll(() => s.stop());

  it("puts the table's channel in the buttons of a direct message", () => {
    const post = {
      to: { kind: "member" as const, tableId: "t", id: "U2", handle: "joost" },
      text: "Je afspraken",
      buttons: [{ label: "A-1 klaar", run: "klaar A-1" }],
    };
    const blocks = renderPost(post, "C1").blocks as Array<{
      type: string;
      elements?: Array<{ value: string }>;
    }>;
    expect(JSON.parse(blocks.at(-1)?.elements?.[0]?.value ?? "{}")).toEqual({
      run: "klaar A-1",
      table: "C1",
    });
  });

  it("runs a reminder's Klaar from the DM at the table it names, for a member only", async () => {
    await s.send(
      dmClick({ id: "U9", username: "vreemde" }, JSON.stringify({ run: "klaar A-1", table: "C1" }), "400.1"),
    );
    await s.send(dmClick({ id: "U2", username: "joost" }, "{not json", "400.2"));
    await s.send(
      dmClick({ id: "U2", username: "joost" }, JSON.stringify({ run: "klaar A-1", table: "../x" }), "400.3"),
    );
    await s.settle();
    expect((await s.h.store.read("slack-t1-c1")).actions[0]?.status).toBe("open");
    await s.send(
      dmClick({ id: "U2", username: "joost" }, JSON.stringify({ run: "klaar A-1", table: "C1" }), "400.4"),
    );
    await s.settle();
    expect((await s.h.store.read("slack-t1-c1")).actions[0]?.status).toBe("done");
  });
});

describe("Slack: a question answered with its button", () => {
  it("asks privately with Ja / Nee, keeps the pupil number out of the button, and adds on Ja", async () => {
    const s = await slackTable();
    try {
      await s.slash("U2", "signaal 2345678 ongeoorloofd 4 vrijdag");
      // The answer rides on the slash command's acknowledgement, seen by the sender only.
      const asked = (await s.slash("U3", "signaal 2345678 ongeoorloofd 2 20-11")).json;
      expect(asked.response_type).toBe("ephemeral");
      expect(JSON.stringify(asked)).toContain("Bij C-1 staat al signaal S-1 van @joost");
      expect(JSON.stringify(asked)).not.toContain("2345678");
      const buttons = (asked.blocks as Array<{ elements?: Array<{ value: string }> }>).at(-1)?.elements ?? [];
      const yes = JSON.parse(buttons[0]?.value ?? "{}");
      expect(yes.run).toBe("signaal C-1 ongeoorloofd 2 20-11 bevestigd=ja");
      expect((await s.h.store.read("slack-t1-c1")).cases[0]?.signals).toHaveLength(1);

      await s.send(buttonBody({ id: "U3", username: "piet" }, "nee", "500.1"));
      await s.settle();
      expect((await s.h.store.read("slack-t1-c1")).cases[0]?.signals).toHaveLength(1);
      await s.send(buttonBody({ id: "U3", username: "piet" }, yes.run, "500.2"));
      await s.settle();
      expect((await s.h.store.read("slack-t1-c1")).cases[0]?.signals).toHaveLength(2);
    } finally {
      await s.stop();
    }
  });
});
