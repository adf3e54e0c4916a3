import { describe, expect, it } from "vitest";
import { checkText, findPii, isBsn } from "../../src/core/privacy.ts";

const today = "2026-11-23";

describe("PII guard", () => {
  it.each([
    ["BSN with elfproef", "leerling 111222333 is weer afwezig", "bsn"],
    ["BSN with dots", "bsn 111.222.333", "bsn"],
    ["e-mail", "mail moeder via ouder@example.nl", "email"],
    ["mobile number", "bel 06-12345678 na drie uur", "telefoon"],
    ["international number", "bereikbaar op +31 6 12345678", "telefoon"],
    ["landline", "school 024 1234567", "telefoon"],
    ["postcode", "woont in 6651 AB", "postcode"],
    ["birth date", "geboren 12-03-2014", "geboortedatum"],
    ["birth date in words", "12 maart 2014 jarig", "geboortedatum"],
    ["IBAN", "boete naar NL91ABNA0417164300", "iban"],
    ["name after honorific", "gesprek met mevr. Jansen", "naam"],
    ["name after dhr. with tussenvoegsel", "dhr. van der Berg belt terug", "naam"],
    ["BSN with dashes", "bsn 123-456-782", "bsn"],
    ["BSN with spaces", "123 456 782 is het nummer", "bsn"],
    ["e-mail written out", "mail naam at school punt nl", "email"],
    ["e-mail with [at]", "moeder: ouder[at]example[dot]nl", "email"],
    ["e-mail with (at)", "ouder(at)example.nl", "email"],
    ["e-mail with a spaced @", "ouder @ example.nl", "email"],
    ["phone with an en dash", "bel 06–12345678", "telefoon"],
    ["phone with spaced dash", "bel 06 - 1234 5678", "telefoon"],
    ["phone with brackets", "school (0418) 223770", "telefoon"],
    ["phone with a slash", "06/12345678 na 3 uur", "telefoon"],
    ["IBAN in groups", "NL91 ABNA 0417 1643 00", "iban"],
    ["IBAN with dashes", "NL91-ABNA-0417-1643-00", "iban"],
    ["Belgian IBAN", "BE68 5390 0754 7034", "iban"],
    ["German IBAN", "DE89 3704 0044 0532 0130 00", "iban"],
    ["lower-case postcode", "woont in 6651 ab", "postcode"],
    ["hyphenated postcode", "5996-VW", "postcode"],
    ["birth date with a two-digit year", "geboren 07-01-10", "geboortedatum"],
    ["street address", "woont Kerkstraat 12", "adres"],
    ["street address with a letter", "Dorpsstraat 3a, achterom", "adres"],
    ["pupil number", "leerling 2345678 belde", "leerlingnummer"],
    ["student number with dots", "nr 12.345.678", "leerlingnummer"],
    ["handle of digits", "gemeld door @123456782", "bsn"],
    ["123456789 in a note", "123456789 is geen geldig BSN", "leerlingnummer"],
    ["honorific at a sentence start", "Mevr. Jansen belt", "naam"],
    ["Dhr. capitalised", "Dhr. De Boer komt", "naam"],
    ["Fam. with el", "Fam. El Amrani niet bereikbaar", "naam"],
    ["a full name at the start", "Jan de Vries was weer weg", "naam"],
    ["a full name inside a sentence", "Gesprek met Mohammed El Amrani", "naam"],
    ["a first name inside a sentence", "Moeder van Sanne belde", "naam"],
    ["an unknown name after kin", "Vader van Semhar belde af", "naam"],
    ["an unknown name acting at the start", "Dawit was weer afwezig", "naam"],
    ["two unknown capitals", "Overleg met de school en Merhawi Tesfay", "naam"],
    ["a BSN in dotted groups", "bsn 3075.61.835", "bsn"],
  ])("finds %s", (_, input, kind) => expect(findPii(input, today)).toBe(kind));

  it.each([
    "Ochtend niet op school, moeder gebeld",
    "16 uur in 4 weken, 3,5 uur vandaag",
    "Gesprek op 2026-11-30 om 10:00",
    "groep 7, lokaal 1234",
    "Leerplicht en jgz samen op huisbezoek",
    "vorige melding op 10-10-2022",
    "Sinds 2025 op deze school",
    "Sinds 2025",
    "Lesuur 09.00 10.30 gemist",
    "van 10-10-2022 - 13-10-2022 afwezig",
    "2 keer op het schoolplein 3 keer te laat",
    "Meneer de directeur belt",
    "Dr. Nassau College",
    "leerling van het Dr. Schaepman Lyceum",
    "op 14:30 gesprek, 2,5 uur gemist, 16 uur in 4 weken",
    "Verhuisd binnen West Maas en Waal",
    "Overstap naar De Regenboog in Den Bosch",
    "@piet belt Veilig Thuis en de Raad voor de Kinderbescherming",
    "Schoolweigering lijkt samen te hangen met pesten",
    "Na de Ramadan weer gestart, tolk Arabisch geregeld",
  ])("lets ordinary text through: %s", (input) => expect(findPii(input, today)).toBeNull());

  it("knows the elfproef", () => {
    expect(isBsn("111222333")).toBe(true);
    expect(isBsn("123456782")).toBe(true);
    expect(isBsn("123456789")).toBe(false);
    expect(isBsn("000000000")).toBe(false);
  });

  it("refuses bidi and zero-width characters, control characters and overlong text", () => {
    expect(checkText("abc\u202Edef", today)).toEqual({ ok: false, problem: { kind: "tekens" } });
    expect(checkText("a\u200Bb", today)).toEqual({ ok: false, problem: { kind: "tekens" } });
    expect(checkText("a\u0007b", today)).toEqual({ ok: false, problem: { kind: "tekens" } });
    expect(checkText("x".repeat(10_000), today)).toEqual({
      ok: false,
      problem: { kind: "te-lang", max: 500 },
    });
  });

  it("normalises to NFC and trims", () => {
    expect(checkText("  cafe\u0301 ", today)).toEqual({ ok: true, text: "café" });
  });
});
