import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buttonBody, payloadBody, slackTable } from "../support/slack.ts";

type T = Awaited<ReturnType<typeof slackTable>>;
type View = {
  blocks: Array<{ block_id: string; element: Record<string, unknown> }>;
  private_metadata: string;
};
type Block = { elements?: Array<{ value?: string }> };

const USERS = { U2: "joost", U3: "piet" } as const;

/**
 * The triage pipeline (issue #29) on Slack, through signed requests to the running receiver: the signal form with
 * what the school did (a multi-select), the question the protocol asks and its Ja button, the investigation's
 * form, the triage form its finding offers, and booking a consultation hour from the triage's button.
 */
describe("Slack: from signal to triage through the forms", () => {
  let s: T;
  beforeEach(async () => {
    s = await slackTable();
    await s.slash("U1", "beleid protocol.voorwaarden=gesprek-leerling,gesprek-ouders");
  });
  afterEach(() => s.stop());

  const lastView = () => (s.api.of("views.open").at(-1)?.body as { view: View } | undefined)?.view as View;
  const submit = (user: keyof typeof USERS, view: View, values: Record<string, unknown>) =>
    s.send(
      payloadBody({
        type: "view_submission",
        team: { id: "T1" },
        user: { id: user, name: USERS[user] },
        view: {
          id: `V${Math.random()}`,
          hash: "h1",
          callback_id: "tafel_form",
          private_metadata: view.private_metadata,
          state: { values },
        },
      }),
    );
  /** The value a button in these blocks carries, found by what it holds. */
  const button = (blocks: unknown, holding: string) =>
    (blocks as Block[])
      .flatMap((b) => (b.elements ?? []).map((e) => e.value ?? ""))
      .find((v) => v.includes(holding));
  /** Every message Slack was asked to post or show, newest last, as JSON. */
  const said = () => s.api.calls.filter((c) => /chat\.post|response|views/.test(c.method)).map((c) => c.body);
  /** The newest button Slack was asked to show that holds this. */
  const offered = (holding: string) =>
    said()
      .map((b) => button((b as { blocks?: unknown }).blocks ?? [], holding))
      .findLast((v) => v !== undefined) as string;
  let clicks = 0;
  const click = async (user: keyof typeof USERS, value: string) => {
    // Each click is its own delivery (Slack's action_ts), or it is taken for a repeat of the last.
    const ts = `300.${++clicks}`;
    await s.send(buttonBody({ id: user, username: USERS[user] }, "", ts, { channel: "C1", value }));
    await s.settle();
  };

  it("signal with the school's actions, the protocol's question, investigation, triage and a booking", async () => {
    await s.slash("U2", "signaal");
    await s.settle();
    const form = lastView();
    const done = form.blocks.find((b) => b.block_id === "done");
    expect(done?.element).toMatchObject({ type: "multi_static_select" });
    await submit("U2", form, {
      pupil: { v: { value: "7654321" } },
      kind: { v: { selected_option: { value: "ongeoorloofd" } } },
      amount: { v: { value: "2" } },
      period: { v: { selected_date: "2026-11-20" } },
      done: { v: { selected_options: [{ value: "gesprek-leerling" }] } },
      pattern: { v: { selected_option: { value: "bepaalde-lessen" } } },
    });
    await s.settle();
    // The protocol asks first, privately, and its Ja button names the pupil by key, never by number.
    const asked = s.api.calls.filter((c) => JSON.stringify(c.body).includes("Nog niet gedaan"));
    expect(asked.length).toBe(1);
    const question = asked[0]?.body as { blocks: unknown };
    const yes = button(question.blocks, "bevestigd=ja") as string;
    expect(yes).toMatch(/signaal L-[0-9A-Z]{6} ongeoorloofd/);
    expect(JSON.stringify(asked)).not.toContain("7654321");
    expect((await s.h.store.read("slack-t1-c1")).cases).toEqual([]);
    await click("U2", yes);
    const [c] = (await s.h.store.read("slack-t1-c1")).cases;
    expect(c?.signals[0]).toMatchObject({ schoolActions: ["gesprek-leerling"], early: ["gesprek-ouders"] });

    // The officer opens the investigation, then records its finding through the form.
    // A table reply about a case goes to its thread; the sender is told where.
    const opened = await s.slash("U3", "onderzoek C-1");
    expect(JSON.stringify(opened.json)).toContain("Geplaatst in de draad van C-1");
    await s.settle();
    expect(JSON.stringify(said())).toContain("Onderzoek O-1 op C-1 staat op naam van @piet");
    await s.slash("U3", "onderzoek");
    await s.settle();
    const finding = lastView();
    expect(finding.blocks.find((b) => b.block_id === "causes")?.element).toMatchObject({
      type: "multi_static_select",
    });
    const recorded = await submit("U3", finding, {
      id: { v: { value: "C-1" } },
      causes: { v: { selected_options: [{ value: "motivatie" }, { value: "schoolklimaat" }] } },
      severity: { v: { selected_option: { value: "midden" } } },
      risk: { v: { selected_option: { value: "laag" } } },
      next: { v: { selected_option: { value: "spreekuur" } } },
    });
    expect(recorded.json?.errors).toBeUndefined();
    await s.settle();
    expect((await s.h.store.read("slack-t1-c1")).cases[0]?.investigations[0]?.finding).toMatchObject({
      causes: ["motivatie", "schoolklimaat"],
      next: "spreekuur",
    });

    // The finding's answer offers the triage form, with the route it proposed already in.
    await click("U3", offered('"form":"triage"'));
    const triage = lastView();
    expect(triage.blocks.find((b) => b.block_id === "route")?.element).toMatchObject({
      initial_option: { value: "spreekuur" },
    });
    await submit("U3", triage, {
      id: { v: { value: "C-1" } },
      route: { v: { selected_option: { value: "spreekuur" } } },
      next: { v: { selected_user: "U3" } },
    });
    await s.settle();
    const decisions = (await s.h.store.read("slack-t1-c1")).decisions;
    expect(decisions.map((d) => [d.route, d.role, d.next])).toEqual([["spreekuur", "adviserend", "U3"]]);

    // A consultation hour, and the triage's button books the case into it.
    await s.slash("U3", "spreekuur 25-11 13:00 plaats=Stadskantoor capaciteit=2");
    await click("U3", offered('"form":"spreekuur-boeken"'));
    await submit("U3", lastView(), { id: { v: { value: "C-1" } } });
    await s.settle();
    const [slot] = (await s.h.store.read("slack-t1-c1")).slots;
    expect(slot?.bookings.map((b) => b.caseId)).toEqual(["C-1"]);
    // The school's care coordinator raised it: no school contact is recorded, so the booker's table hears it.
    expect(JSON.stringify(said())).toContain("C-1 staat op spreekuur SP-1");
  });
});
