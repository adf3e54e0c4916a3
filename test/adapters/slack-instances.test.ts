import { afterEach, describe, expect, it } from "vitest";
import { freshSchema, TEST_DATABASE_URL } from "../support/postgres.ts";
import { buttonBody, payloadBody, slackTable } from "../support/slack.ts";

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

describe.skipIf(!TEST_DATABASE_URL)("Slack on two instances behind a load balancer", () => {
  it("saves a form sent to both instances once, and runs a button clicked on both once", async () => {
    const schema = await freshSchema();
    cleanups.push(schema.drop);
    const one = await slackTable(undefined, { store: await schema.open() });
    cleanups.unshift(one.stop);
    const two = await slackTable(undefined, { store: await schema.open(), api: one.api });
    cleanups.unshift(two.stop);
    await one.slash("U2", "signaal 1234567 ongeoorloofd 3 vrijdag");

    await two.slash("U3", "actie");
    await two.settle();
    const open = one.api.of("views.open").at(-1)?.body as { view: { private_metadata: string } };
    const submission = payloadBody({
      type: "view_submission",
      team: { id: "T1" },
      user: { id: "U3", name: "piet" },
      view: {
        id: "V7",
        hash: "h7",
        callback_id: "tafel_form",
        private_metadata: open.view.private_metadata,
        state: {
          values: {
            id: { v: { value: "C-1" } },
            owner: { v: { selected_user: "U2" } },
            due: { v: { selected_date: "2026-11-27" } },
            text: { v: { value: "Gesprek met de mentor" } },
          },
        },
      },
    });
    const answers = await Promise.all([one.send(submission), two.send(submission)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    await Promise.all([one.settle(), two.settle()]);

    const button = buttonBody({ id: "U2", username: "joost" }, "klaar A-1", "300.1");
    await Promise.all([one.send(button), two.send(button)]);
    // Each instance goes on after its ack: wait for both, not only the first.
    await Promise.all([one.settle(), two.settle()]);
    const doc = await two.h.store.read("slack-t1-c1");
    expect(doc.actions.map((a) => [a.id, a.text, a.status])).toEqual([
      ["A-1", "Gesprek met de mentor", "done"],
    ]);
    expect(doc.audit.filter((e) => e.event === "afspraak.klaar")).toHaveLength(1);
    expect(
      one.api.of("chat.postEphemeral").filter((c) => /al klaar|already/.test(String(c.body.text))),
    ).toEqual([]);
  });
});
