import { describe, expect, it } from "vitest";
import { buttonBody, slackTable } from "../support/slack.ts";
import { ANNA, CLIENT_ID, JOOST, message, teamsTable } from "../support/teams.ts";

const PIET = { id: "29:piet", name: "Piet" };
const text = (x: unknown) => JSON.stringify(x);

describe("Slack: one thread per case", () => {
  it("starts the case's thread with its first post, puts every later one in it, and tells the channel only what all must see", async () => {
    const s = await slackTable();
    try {
      const posts = () => s.api.of("chat.postMessage").filter((c) => c.body.channel === "C1");
      const before = posts().length;
      await s.slash("U2", "signaal 2345678 ongeoorloofd 8 16-11");
      await s.settle();
      const root = posts().slice(before);
      expect(root).toHaveLength(1);
      expect(root[0]?.body.thread_ts).toBeUndefined();
      expect(text(root[0])).toContain("Nieuw signaal bij C-1");
      // The ts Slack gave the first post is the case's thread.
      const threadTs = (await s.h.store.read("slack-t1-c1")).platform["thread:C-1"];
      expect(threadTs).toMatch(/^1700000000\.\d+$/);

      // A second signal crosses the threshold: the post and the notice in the thread, one line in the channel.
      const mark = posts().length;
      await s.slash("U2", "signaal C-1 ongeoorloofd 8 20-11");
      await s.settle();
      const later = posts().slice(mark);
      const inThread = later.filter((c) => c.body.thread_ts === threadTs);
      const inChannel = later.filter((c) => c.body.thread_ts === undefined);
      expect(text(inThread)).toContain("Nieuw signaal bij C-1");
      expect(text(inThread)).toContain("meldplichtig");
      expect(inChannel).toHaveLength(1);
      expect(text(inChannel)).toContain("C-1 is meldplichtig");
      expect(text(inChannel)).toContain("Meer in de draad van C-1");

      // A table reply about the case: in the thread; the sender hears where it went.
      const taken = await s.slash("U3", "regie C-1 neem");
      expect(taken.json).toMatchObject({
        response_type: "ephemeral",
        text: "Geplaatst in de draad van C-1.",
      });
      await s.settle();
      expect(posts().at(-1)?.body).toMatchObject({ thread_ts: threadTs });
      expect(text(posts().at(-1))).toContain("@piet");

      // Regie vacant is for the whole table: the reply in the thread, a short line in the channel.
      const released = posts().length;
      await s.slash("U3", "regie C-1 los");
      await s.settle();
      const vacant = posts().slice(released);
      expect(vacant.map((c) => c.body.thread_ts ?? "kanaal")).toEqual([threadTs, "kanaal"]);
      expect(text(vacant[1])).toContain("C-1 heeft geen regiehouder meer");

      // An agreement's Klaar from a DM is about the agreement's case: its reply goes to that thread.
      await s.slash("U2", 'actie C-1 <@U2|joost> 4-12 "Bellen"');
      await s.settle();
      const klaar = posts().length;
      await s.send(
        buttonBody({ id: "U2", username: "joost" }, "", "700.1", {
          channel: "D9",
          value: JSON.stringify({ run: "klaar A-1", table: "C1" }),
        }),
      );
      await s.settle();
      expect(
        posts()
          .slice(klaar)
          .map((c) => c.body.thread_ts),
      ).toEqual([threadTs]);

      // The minutes to the channel; the case's part of them also to its thread.
      await s.slash("U1", "overleg start");
      await s.slash("U2", 'besluit C-1 "Gesprek met ouders plannen"');
      await s.settle();
      const meeting = posts().length;
      await s.slash("U1", "overleg stop");
      await s.settle();
      const minutes = posts().slice(meeting);
      expect(minutes.map((c) => c.body.thread_ts ?? "kanaal")).toEqual([threadTs]);
      expect(text(minutes)).toContain("Besproken in overleg O-1");
      expect(text(minutes)).toContain("Gesprek met ouders plannen");

      // Not about one case: in the channel, as before.
      const open = posts().length;
      await s.slash("U1", "vrije-dag 18-12");
      await s.settle();
      expect(
        posts()
          .slice(open)
          .map((c) => c.body.thread_ts),
      ).toEqual([]);
      // A second case gets a thread of its own.
      await s.slash("U2", "signaal 3456789 ongeoorloofd 2 20-11");
      await s.settle();
      const doc = await s.h.store.read("slack-t1-c1");
      expect(doc.platform["thread:C-2"]).toBeDefined();
      expect(doc.platform["thread:C-2"]).not.toBe(threadTs);
    } finally {
      await s.stop();
    }
  });
});

describe("Teams: one reply chain per case in a channel", () => {
  const TABLE = "teams-tenant-1-19-triage-thread-tacv2";
  const CHANNEL = "19:triage@thread.tacv2";
  const withMembers = async (t: Awaited<ReturnType<typeof teamsTable>>, where = {}) => {
    await t.post(message(ANNA, "setup Triage Druten regio=midden", where));
    for (const [who, role] of [
      [JOOST, "school"],
      [PIET, "leerplicht"],
    ] as const)
      await t.post(
        message(ANNA, `lid <at>${who.name}</at> ${role}`, {
          entities: [
            { type: "mention", text: "<at>Tafel</at>", mentioned: { id: `28:${CLIENT_ID}`, name: "Tafel" } },
            { type: "mention", text: `<at>${who.name}</at>`, mentioned: who },
          ],
          ...where,
        }),
      );
  };
  const signal = (pupil: string, amount: string, period: string, where = {}) => ({
    ...message(JOOST, "", where),
    type: "invoke",
    name: "task/submit",
    value: { data: { tafelForm: "signaal", pupil, kind: "ongeoorloofd", amount, period } },
  });

  it("answers in the case's reply chain, the first post being its root, and tells the channel what all must see", async () => {
    const t = await teamsTable();
    try {
      await withMembers(t);
      const channel = () => t.cloud.sent.filter((s) => s.conversation.startsWith(CHANNEL));
      const first = channel().length;
      await t.post(signal("2345678", "8", "2026-11-16"));
      const root = channel().slice(first);
      expect(root.map((s) => s.conversation)).toEqual([CHANNEL]);
      const rootId = (await t.h.store.read(TABLE)).platform["thread:C-1"];
      expect(rootId).toMatch(/^m-\d+$/);
      const chain = `${CHANNEL};messageid=${rootId}`;

      const mark = channel().length;
      await t.post(signal("2345678", "8", "2026-11-20"));
      const later = channel().slice(mark);
      expect(text(later.filter((s) => s.conversation === chain))).toContain("meldplichtig");
      expect(later.filter((s) => s.conversation === CHANNEL).map((s) => s.body.text)).toEqual([
        expect.stringContaining("C-1 is meldplichtig"),
      ]);

      // Typed in the channel, about the case: the answer in the chain.
      const typed = channel().length;
      await t.post(message(PIET, "regie C-1 neem"));
      expect(
        channel()
          .slice(typed)
          .map((s) => s.conversation),
      ).toEqual([chain]);
      // Typed in another reply chain, about no case: the answer stays in that chain.
      const elsewhere = t.cloud.sent.length;
      await t.post(
        message(ANNA, "vrije-dag 18-12", {
          conversation: { ...message(ANNA, "").conversation, id: `${CHANNEL};messageid=x-9` },
        }),
      );
      expect(t.cloud.sent.slice(elsewhere).map((s) => s.conversation)).toEqual([`${CHANNEL};messageid=x-9`]);
    } finally {
      await t.stop();
    }
  });

  it("posts in the conversation itself where there are no reply chains (a group chat)", async () => {
    const t = await teamsTable();
    try {
      const group = { id: "19:groep@thread.v2", conversationType: "groupChat", tenantId: "tenant-1" };
      await withMembers(t, { conversation: group });
      await t.post(signal("2345678", "8", "2026-11-16", { conversation: group }));
      await t.post(signal("2345678", "8", "2026-11-20", { conversation: group }));
      await t.post(message(PIET, "regie C-1 neem", { conversation: group }));
      const sent = t.cloud.sent.filter((s) => s.conversation.startsWith("19:groep"));
      expect(sent.every((s) => s.conversation === "19:groep@thread.v2")).toBe(true);
      expect(text(sent)).toContain("Let op: casus C-1 is meldplichtig");
      expect(text(sent)).toContain("De regie over C-1 ligt nu bij @piet");
      // Without a thread there is nothing to point to: no separate headline.
      expect(text(sent)).not.toContain("Meer in de draad");
      expect(
        (await t.h.store.read("teams-tenant-1-19-groep-thread-v2")).platform["thread:C-1"],
      ).toBeUndefined();
    } finally {
      await t.stop();
    }
  });
});
