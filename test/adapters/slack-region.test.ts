import { WebClient } from "@slack/web-api";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { slackNotifier } from "../../adapters/slack/notifier.ts";
import { buttonBody, slackTable } from "../support/slack.ts";

type T = Awaited<ReturnType<typeof slackTable>>;
type Block = { elements?: Array<{ value?: string }> };

/**
 * One region over two channels (issue #30), through signed requests to the running receiver: a 16-year-old of
 * Druten raised in C1 is for Bureau Leerplicht Nijmegen, whose officer sits at the table in C2. She gets a direct
 * message with the case's table and id only, joins with its button, and sees the case in C1; C1's own officer of
 * another office does not.
 */
describe("Slack: a region's routing across channels", () => {
  let s: T;
  beforeEach(async () => {
    s = await slackTable();
    await s.slash("U1", "setup Triage Nijmegen regio=midden", "C2");
    await s.slash("U1", 'lid <@U4|fatima> leerplichtambtenaar "Bureau Leerplicht Nijmegen"', "C2");
    await s.slash("U1", 'regio nieuw "Maas en Waal"');
    await s.slash(
      "U1",
      'regio gemeente Druten kantoor="Gemeente Druten" kwalificatie="Bureau Leerplicht Nijmegen"',
    );
    await s.slash("U1", "regio uitnodigen slack-t1-c2");
    await s.slash("U1", "regio aansluiten maas-en-waal", "C2");
    await s.settle();
  });
  afterEach(() => s.stop());

  it("tells the competent officer at the other table, who joins by the button and sees the case", async () => {
    await s.slash("U2", "signaal 1111111 ongeoorloofd 16 9-11..13-11 leeftijd=16-17 gemeente=Druten");
    await s.settle();
    const [entry] = (await s.h.store.read("slack-t1-c2")).outbox;
    expect(entry?.message).toMatchObject({ kind: "regio", to: "U4", caseId: "C-1" });
    const notifier = slackNotifier(new WebClient("xoxb-test", { retryConfig: { retries: 0 } }), s.h.store);
    await notifier.deliver("slack-t1-c2", entry?.message as never);
    const dm = s.api
      .of("chat.postMessage")
      .map((c) => c.body)
      .find((b) => JSON.stringify(b).includes("regio meedoen"));
    expect(JSON.stringify(dm)).toContain("Casus C-1 aan tafel Triage Druten is voor jouw kantoor");
    expect(JSON.stringify(dm)).not.toMatch(/1111111|L-[0-9A-Z]{6}/);
    const value = ((dm as { blocks: Block[] }).blocks ?? [])
      .flatMap((b) => (b.elements ?? []).map((e) => e.value ?? ""))
      .find((v) => v.includes("regio meedoen")) as string;
    // The DM's button names its own table's channel: the click joins from C2.
    expect(JSON.parse(value)).toEqual({ run: "regio meedoen slack-t1-c1 C-1", table: "C2" });
    await s.send(buttonBody({ id: "U4", username: "fatima" }, "", "400.1", { channel: "D-DM", value }));
    await s.settle();
    expect(JSON.stringify(s.api.calls.map((c) => c.body))).toContain(
      "Je doet mee aan C-1 aan tafel Triage Druten.",
    );
    // A slash command's private answer is the body of its HTTP response.
    const reply = async (user: string) => JSON.stringify((await s.slash(user, "casus C-1")).json);
    expect(await reply("U4")).toContain("Casus C-1 · L-");
    // C1's officer, of no office the region names for Druten's 16-year-olds, sees that it is another's.
    const refused = await reply("U3");
    expect(refused).toContain("is van een andere gemeente");
    expect(refused).not.toContain("L-");
  });
});
