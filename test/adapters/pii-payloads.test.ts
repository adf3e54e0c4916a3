import { describe, expect, it } from "vitest";
import { slackTable } from "../support/slack.ts";
import { JOOST, message, teamsTable } from "../support/teams.ts";

/** Refused notes and the personal part of each, which no outgoing Slack or Teams payload may carry. */
const NOTES: ReadonlyArray<readonly [string, string]> = [
  ["BSN 111-222-333 besproken", "111-222-333"],
  ["Moeder belt terug op 06 - 1234 5678", "1234 5678"],
  ["Mail naar ouder at gmail punt com", "ouder at gmail"],
  ["Huisbezoek Kerkstraat 12", "Kerkstraat"],
  ["Jan de Vries was weer weg", "Vries"],
  ["Vader van Semhar belde af", "Semhar"],
];

describe("refused personal data in outgoing payloads", () => {
  it("Slack: the acknowledgement and every Web API call carry none of it", async () => {
    const s = await slackTable();
    try {
      await s.slash("U2", "signaal 2345678 ongeoorloofd 4 vrijdag");
      const acks: string[] = [];
      for (const [note] of NOTES) acks.push((await s.slash("U2", `besluit C-1 "${note}"`)).text);
      await s.settle();
      const out = [...acks, ...s.api.calls.map((c) => JSON.stringify(c.body))].join("\n");
      expect(out).toContain("persoonsgegevens");
      for (const [, value] of NOTES) expect(out, value).not.toContain(value);
      expect((await s.h.store.read("slack-t1-c1")).decisions).toHaveLength(0);
    } finally {
      await s.stop();
    }
  });

  it("Teams: no activity sent to the channel or the person's chat carries any of it", async () => {
    const t = await teamsTable();
    try {
      await t.post(message(JOOST, "setup Triage regio=midden"));
      await t.post(message(JOOST, 'consult "Groep 7"'));
      for (const [note] of NOTES) await t.post(message(JOOST, `besluit C-1 "${note}"`));
      const out = t.cloud.sent.map((m) => JSON.stringify(m.body)).join("\n");
      expect(out).toContain("persoonsgegevens");
      for (const [, value] of NOTES) expect(out, value).not.toContain(value);
    } finally {
      await t.stop();
    }
  });
});
