import { afterEach, describe, expect, it } from "vitest";
import { payloadBody, slackTable } from "../support/slack.ts";
import { ANNA, JOOST, message, teamsTable } from "../support/teams.ts";

/**
 * Payloads of a shape Tafel does not know, through the running receivers (issue #16 item 18): parsed with zod at
 * the edge, answered politely, nothing run and nothing thrown.
 */
describe("Teams: payloads of another shape", () => {
  let t: Awaited<ReturnType<typeof teamsTable>> | undefined;
  afterEach(async () => {
    await t?.stop();
    t = undefined;
  });
  const TABLE = "teams-tenant-1-19-triage-thread-tacv2";
  const invoke = (name: string, value: unknown, extra: Record<string, unknown> = {}) =>
    t?.post({ ...message(JOOST, ""), type: "invoke", name, value, ...extra });

  it.each([
    [
      "a button whose data is not an object",
      "adaptiveCard/action",
      { action: { type: "Action.Execute", verb: "tafel", data: "sluit C-1" } },
    ],
    [
      "a button whose command is not text",
      "adaptiveCard/action",
      { action: { type: "Action.Execute", verb: "tafel", data: { run: ["sluit", "C-1"] } } },
    ],
    [
      "a dialog answer with a number in a field",
      "task/submit",
      { data: { tafelForm: "besluit", id: "C-1", text: 42 } },
    ],
    ["a dialog for a form that does not exist", "task/fetch", { data: { tafelForm: "bestaat-niet" } }],
    ["a dialog answer without data", "task/submit", {}],
    ["a message action without a command", "composeExtension/submitAction", { data: { id: "C-1" } }],
  ])("answers %s politely and runs nothing", async (_, name, value) => {
    t = await teamsTable();
    await t.post(message(ANNA, "setup Triage Druten regio=midden"));
    const before = JSON.stringify(await t.h.store.read(TABLE));
    const res = await invoke(name, value);
    expect(res?.status).toBe(200);
    expect(JSON.stringify(res?.json)).toContain("verouderd");
    const after = await t.h.store.read(TABLE);
    expect([after.cases, after.decisions, after.actions]).toEqual([[], [], []]);
    expect(JSON.stringify(after.members)).toBe(JSON.stringify(JSON.parse(before).members));
  });

  it("drops a message without a sender, and stays up for the next one", async () => {
    t = await teamsTable();
    const res = await t.post({
      ...message(ANNA, "setup Triage Druten regio=midden"),
      from: { name: "Anna" },
    });
    expect(res.status).toBeLessThan(500);
    expect(await t.h.store.tableFor("teams:tenant-1:19:triage@thread.tacv2")).toBeNull();
    await t.post(message(ANNA, "setup Triage Druten regio=midden"));
    expect((await t.h.store.read(TABLE)).table.name).toBe("Triage Druten");
  });
});

describe("Slack: payloads of another shape", () => {
  let s: Awaited<ReturnType<typeof slackTable>> | undefined;
  afterEach(async () => {
    await s?.stop();
    s = undefined;
  });

  it.each([
    ["metadata that is not JSON", "{niet json", { values: {} }],
    [
      "metadata naming another workspace's channel by a URL",
      JSON.stringify({ command: "besluit", team: "T1", channel: "https://x" }),
      { values: {} },
    ],
    [
      "a field value that is a number",
      JSON.stringify({ command: "besluit", team: "T1", channel: "C1" }),
      { values: { id: { v: { value: 12 } } } },
    ],
  ])("answers a form with %s in the modal, and runs nothing", async (_, metadata, state) => {
    s = await slackTable();
    const view = payloadBody({
      type: "view_submission",
      team: { id: "T1" },
      user: { id: "U2", name: "joost" },
      view: {
        id: `V-${metadata.length}`,
        hash: "h",
        callback_id: "tafel_form",
        private_metadata: metadata,
        state,
      },
    });
    const res = await s.send(view);
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.json)).toContain("verouderd");
    expect((await s.h.store.read("slack-t1-c1")).decisions).toEqual([]);
  });
});
