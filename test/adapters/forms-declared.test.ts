import { afterEach, describe, expect, it } from "vitest";
import { slackTable } from "../support/slack.ts";
import { ANNA, message, teamsTable } from "../support/teams.ts";

/**
 * Which commands open a form is declared once, on the command (issue #16 item 20): its English alias opens the
 * same form, on both platforms.
 */
const LINES = [
  ["signal", "signaal"],
  ["find", "zoek"],
  ["action", "actie"],
  ["lead", "regie"],
  ["decision", "besluit"],
] as const;

describe("forms declared on the command", () => {
  let stop: (() => Promise<unknown>) | undefined;
  afterEach(async () => {
    await stop?.();
    stop = undefined;
  });

  it.each(LINES)("Slack: /tafel %s opens the form of %s", async (alias, command) => {
    const s = await slackTable();
    stop = s.stop;
    await s.slash("U2", alias);
    await s.settle();
    const open = s.api.of("views.open").at(-1)?.body as { view: { private_metadata: string } } | undefined;
    expect(JSON.parse(open?.view.private_metadata ?? "{}").command).toBe(command);
  });

  it.each(LINES)("Teams: @Tafel %s offers the dialog of %s", async (alias, command) => {
    const t = await teamsTable();
    stop = t.stop;
    await t.post(message(ANNA, "setup Triage Druten regio=midden"));
    await t.post(message(ANNA, alias));
    expect(JSON.stringify(t.cloud.sent.at(-1)?.body)).toContain(`"tafelForm":"${command}"`);
  });
});
