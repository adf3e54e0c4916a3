import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { snapshotDir, tableWithMembers, tempDir, text } from "../support/harness.ts";

describe("bad input gets a clear Dutch error and leaves the store byte for byte unchanged", async () => {
  const dir = await tempDir();
  let h: Awaited<ReturnType<typeof tableWithMembers>>;
  beforeAll(async () => {
    h = await tableWithMembers({ dir: dir.path });
    await h.say("joost", 'signaal 1234567 ongeoorloofd 3 vrijdag "Ochtend afwezig"');
    await h.say("piet", 'actie C-1 @joost vrijdag "Gesprek plannen"');
    await h.say("joost", "signaal 4321 ongeoorloofd 1 vrijdag");
  });
  afterAll(async () => {
    await h.store.close();
    await dir.remove();
  });

  it.each([
    ["unknown command", "joost", "vlieg C-1", /Onbekend commando 'vlieg'/],
    ["empty signal", "joost", "signaal", /Leerling ontbreekt/],
    ["missing kind", "joost", "signaal 1234567", /Soort ontbreekt/],
    ["unknown kind", "joost", "signaal 1234567 spijbelen 3", /Soort klopt niet: kies uit ongeoorloofd/],
    ["missing hours", "joost", "signaal 1234567 ongeoorloofd", /Geef het aantal uren/],
    [
      "negative hours",
      "joost",
      "signaal 1234567 ongeoorloofd -3",
      /Uren of aantal klopt niet: verwacht een getal/,
    ],
    ["too many hours", "joost", "signaal 1234567 ongeoorloofd 12 vrijdag", /hoogstens 8/],
    [
      "more than a primary school day",
      "joost",
      "signaal 1234567 ongeoorloofd 6,5 vrijdag type=po",
      /hoogstens 6/,
    ],
    ["impossible date", "joost", "signaal 1234567 ongeoorloofd 3 31-02-2026", /Die datum bestaat niet/],
    ["future date", "joost", "signaal 1234567 ongeoorloofd 3 morgen", /in de toekomst/],
    ["reversed period", "joost", "signaal 1234567 ongeoorloofd 3 20-11..17-11", /begint na het einde/],
    ["no legal basis for a sick report", "joost", "signaal 7654321 ziek 4", /grondslag nodig/],
    ["unknown pupil key", "joost", "signaal L-ABCDEF ongeoorloofd 2", /niet bekend/],
    ["unknown case", "piet", "casus C-99", /Casus C-99 bestaat niet/],
    ["malformed case", "piet", "casus 99", /verwacht een casus als C-12/],
    ["unknown action", "joost", "klaar A-77", /Afspraak A-77 bestaat niet/],
    ["action for a non-member", "piet", 'actie C-1 @kees morgen "Bellen"', /@kees is geen lid/],
    ["action due in the past", "piet", 'actie C-1 @joost gisteren "Bellen"', /in het verleden/],
    ["action without text", "piet", "actie C-1 @joost morgen", /Afspraak ontbreekt/],
    ["non-member", "kees", "casussen", /Je bent geen lid van deze tafel/],
    ["non-chair adds a member", "joost", "lid @kees school", /alleen met de rol voorzitter/],
    ["non-chair exports", "piet", "export", /alleen met de rol voorzitter/],
    ["BSN in a note", "joost", 'besluit C-1 "BSN 111222333 besproken"', /lijkt een BSN te bevatten/],
    ["e-mail in a note", "joost", 'besluit C-1 "mail naar ouder@example.nl"', /een e-mailadres/],
    [
      "phone in a note",
      "joost",
      'signaal 1234567 ongeoorloofd 2 vrijdag "bel 0612345678"',
      /een telefoonnummer/,
    ],
    ["postcode in a note", "joost", 'besluit C-1 "woont op 6651 AB"', /een postcode/],
    ["name in a note", "joost", 'besluit C-1 "mevr. Jansen belt"', /een naam/],
    [
      "this table's short pupil number in a note",
      "joost",
      'besluit C-1 "Leerling 4321 belde"',
      /leerling- of studentnummer/,
    ],
    [
      "a pupil number in a note",
      "joost",
      'besluit C-1 "Leerling 2345678 belde"',
      /leerling- of studentnummer/,
    ],
    [
      "a pupil number in an action",
      "piet",
      'actie C-1 @joost morgen "Bel over 2345678"',
      /leerling- of studentnummer/,
    ],
    [
      "a BSN as an option value",
      "joost",
      "signaal 1234567 ongeoorloofd 2 vrijdag school=111222333",
      /een BSN/,
    ],
    [
      "a number as a school code",
      "joost",
      "signaal 1234567 ongeoorloofd 2 vrijdag school=1234567",
      /leerling- of studentnummer/,
    ],
    ["a number in a table name", "anna", "setup 12345678 regio=midden", /leerling- of studentnummer/],
    ["an address in a note", "joost", 'besluit C-1 "Huisbezoek Kerkstraat 12"', /een adres/],
    [
      "a date in the note's place",
      "joost",
      "signaal 1234567 ongeoorloofd 2 vorige week bellen",
      /meer dan dit commando/,
    ],
    ["a word in the date's place", "joost", "signaal 1234567 ongeoorloofd 2 bellen", /geen datum/],
    [
      "10,000 characters",
      "joost",
      `besluit C-1 "${"a".repeat(10_000)}"`,
      /langer dan 4000 tekens \(een toelichting hoogstens 500\)/,
    ],
    ["600 characters", "joost", `besluit C-1 "${"a".repeat(600)}"`, /langer dan 500 tekens/],
    ["bidi override", "joost", 'besluit C-1 "ok\u202Egnal"', /onzichtbare of sturende tekens/],
    ["zero-width space", "joost", 'besluit C-1 "o\u200Bk"', /onzichtbare of sturende tekens/],
    ["unknown option", "anna", "setup Tweede tafel kleur=rood", /Onbekende optie 'kleur='/],
    ["second table in a conversation", "anna", "setup Tweede tafel", /al een tafel opgezet/],
    ["regie by a non-holder", "joost", "regie C-1 @piet", /neem je zelf/],
    ["closing with open actions", "anna", "sluit C-1 schoolgang-hervat", /nog open afspraken \(A-1\)/],
    ["unknown outcome", "anna", "sluit C-1 opgelost", /Uitstroom klopt niet/],
    [
      "removing a member with work",
      "anna",
      "lid-af @joost",
      /@joost heeft nog regie of open afspraken \(A-1\)/,
    ],
    ["removing the last chair", "anna", "lid-af @anna", /enige voorzitter/],
  ])("%s", async (_, who, input, message) => {
    const before = await snapshotDir(dir.path);
    const out = await h.say(who, input);
    expect(out.reply.visibility).toBe("private");
    expect(out.reply.error).toBeDefined();
    expect(text(out)).toMatch(message);
    expect(out.posts).toEqual([]);
    expect(await snapshotDir(dir.path)).toEqual(before);
  });

  it("never echoes the refused value", async () => {
    const out = await h.say("joost", 'besluit C-1 "BSN 111222333 besproken"');
    expect(JSON.stringify(out)).not.toContain("111222333");
    expect(out.echo).toBe("besluit C-1 «nummer»");
  });

  it("shows a pupil number in its place as «nummer», and the rest of the line as typed", async () => {
    const out = await h.say("joost", "signaal 1234567 ongeoorloofd 2 ma 9-11 t/m vr 13-11 notitie=kwijt");
    expect(out.echo).toBe("signaal «nummer» ongeoorloofd 2 ma 9-11 t/m vr 13-11 notitie=kwijt");
  });
});
