import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { caseOfRecord } from "../../src/core/case-records.ts";
import type { TableDoc } from "../../src/core/model.ts";
import { slackWeek, teamsWeek } from "../support/platform-week.ts";
import { scriptSteps } from "../support/script.ts";

/**
 * The week of `examples/week.tafel` (three pupils, a meeting, reminders over a weekend and the Christmas
 * holiday) played on Slack and on Teams by the people of the table, clicking the buttons Tafel gave them.
 */
const script = scriptSteps(
  readFileSync(join(import.meta.dirname, "../../examples/week.tafel"), "utf8").split("\n"),
);
const text = (x: unknown) => JSON.stringify(x);
/** The cases a message is about: those it names, and those of the agreements and decisions it names. */
const casesNamed = (doc: TableDoc, message: string) => [
  ...new Set([...message.matchAll(/\b[ABC]-\d+\b/g)].map((m) => caseOfRecord(doc, m[0]))),
];
const CASES = ["C-1", "C-2", "C-3"];
/** The school days on which reminders came: never the weekend of 19 December nor the holiday. */
const DAYS = /overzicht voor (\d+ [a-z]+ \d{4})/g;
const daysIn = (messages: readonly unknown[]) => [
  ...new Set(messages.flatMap((m) => [...text(m).matchAll(DAYS)].map((x) => x[1]))),
];

/**
 * What the week comes to on any platform. Buttons: the DUO report, regie and Klaar were clicked from where they
 * were shown, with their effect. Who got what: leerplicht hears of the nearing threshold, the school of the DUO
 * report, the JGZ doctor of her own agreement, the chair of the case without regie, the wijkteam of nothing;
 * reminders came on school days only.
 */
function theWeek(
  played: ReadonlyArray<{ actor: string; line: string; clicked: boolean }>,
  doc: TableDoc,
  dm: (who: string) => unknown[],
  everything: readonly unknown[],
  id: (who: string) => string,
) {
  expect(played.filter((p) => p.clicked).map((p) => `${p.actor}: ${p.line}`)).toEqual([
    "joost: gemeld C-1",
    "piet: regie C-1 neem",
    "joost: klaar A-1",
  ]);
  expect(doc.cases[0]?.duoReport?.by).toBe(id("joost"));
  expect(doc.cases[0]?.regie?.holder).toBe(id("piet"));
  expect(doc.actions[0]).toMatchObject({ id: "A-1", status: "done" });
  expect(text(dm("piet"))).toContain("nadert de meldgrens");
  expect(text(dm("joost"))).toContain("Melding bij DUO is verplicht voor casus C-1");
  expect(text(dm("joost"))).not.toContain("Afspraak jeugdarts");
  expect(text(dm("fatima"))).toContain("A-3 (C-3) Afspraak jeugdarts");
  expect(text(dm("anna"))).toContain("C-2: 5 schooldagen zonder regie");
  expect(dm("wim")).toEqual([]);
  expect(daysIn(everything)).toEqual(["18 dec 2026", "4 jan 2027"]);
}

describe("a week at the table, on Slack", () => {
  it("threads every case, gives each person their own messages, and does what the buttons say", async () => {
    const { s, ids, played, table } = await slackWeek(script);
    try {
      const doc = await s.h.store.read(table);
      const posts = s.api.of("chat.postMessage").map((c) => c.body);
      const dm = (who: string) => posts.filter((p) => p.channel === ids.get(who));

      // Threads: each case has one; every post about a case is in it; the channel holds the roots, the one
      // meldplichtig line and the digests.
      const roots = new Map(CASES.map((id) => [doc.platform[`thread:${id}`] as string, id]));
      expect(roots.size).toBe(3);
      const channel = posts.filter((p) => p.channel === "C2");
      for (const p of channel.filter((p) => p.thread_ts !== undefined))
        expect(casesNamed(doc, String(p.text))).toEqual([roots.get(p.thread_ts as string)]);
      const top = channel.filter((p) => p.thread_ts === undefined).map((p) => String(p.text));
      expect(top).toEqual([
        expect.stringContaining("Nieuw signaal bij C-1"),
        expect.stringContaining("Nieuw signaal bij C-2"),
        expect.stringContaining("Nieuw signaal bij C-3"),
        expect.stringContaining("Weekoverzicht"),
        "C-1 is meldplichtig: de school doet de verzuimmelding bij DUO. Meer in de draad van C-1.",
        expect.stringContaining("Weekoverzicht"),
      ]);
      expect(channel.filter((p) => p.thread_ts !== undefined).map((p) => String(p.text))).toEqual(
        expect.arrayContaining([
          expect.stringContaining("Let op: casus C-1 is meldplichtig"),
          expect.stringContaining("Besproken in overleg O-1 van 17 dec 2026, voor C-3"),
        ]),
      );

      theWeek(played, doc, dm, posts, (who) => ids.get(who) as string);

      // Lookups and the timeline: privately, and without the pupil number.
      const zoek = played.find((p) => p.line === "zoek 2345678")?.answer;
      expect(zoek).toMatchObject({ response_type: "ephemeral" });
      expect(text(zoek)).toContain("C-2");
      const timeline = played.find((p) => p.line === "casus C-1 tijdlijn")?.answer;
      expect(timeline).toMatchObject({ response_type: "ephemeral" });
      for (const entry of ["Afspraak A-1 klaar (@joost)", "Besproken in overleg O-1", "Regie naar @piet"])
        expect(text(timeline)).toContain(entry);
      expect(text(s.api.calls)).not.toMatch(/1234567|2345678|3456789/);
    } finally {
      await s.stop();
    }
  });
});

describe("a week at the table, on Teams", () => {
  it("threads every case in the channel's reply chains, and the same people get the same messages", async () => {
    const { t, played, chatOf, table } = await teamsWeek(script);
    try {
      const doc = await t.h.store.read(table);
      const CHANNEL = "19:triage@thread.tacv2";
      const sent = t.cloud.sent;
      const dm = (who: string) => sent.filter((x) => chatOf(who).includes(x.conversation));

      const chains = new Map(CASES.map((id) => [`${CHANNEL};messageid=${doc.platform[`thread:${id}`]}`, id]));
      expect(chains.size).toBe(3);
      for (const x of sent.filter((x) => x.conversation.startsWith(`${CHANNEL};`)))
        expect(casesNamed(doc, String(x.body.text))).toEqual([chains.get(x.conversation)]);
      expect(text(sent.filter((x) => x.conversation === CHANNEL))).toContain(
        "C-1 is meldplichtig: de school doet de verzuimmelding bij DUO.",
      );
      expect(text(sent.filter((x) => x.conversation.startsWith(`${CHANNEL};`)))).toContain(
        "Besproken in overleg O-1 van 17 dec 2026, voor C-3",
      );

      theWeek(played, doc, dm, sent, (who) => `29:${who}`);

      // The lookup and the timeline answer in the person's own chat, never in the channel.
      expect(text(dm("joost"))).toContain("Deze leerling heeft casus C-2 aan deze tafel.");
      expect(text(dm("piet"))).toContain("Afspraak A-1 klaar (@joost)");
      expect(text(sent.filter((x) => x.conversation.startsWith("19:")))).not.toContain("Tijdlijn");
      expect(text(sent)).not.toMatch(/1234567|2345678|3456789/);
    } finally {
      await t.stop();
    }
  });
});
