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
  ])("finds %s", (_, input, kind) => expect(findPii(input, today)).toBe(kind));

  it.each([
    "Ochtend niet op school, moeder gebeld",
    "16 uur in 4 weken, 3,5 uur vandaag",
    "Gesprek op 2026-11-30 om 10:00",
    "groep 7, lokaal 1234",
    "123456789 is geen geldig BSN",
    "Leerplicht en jgz samen op huisbezoek",
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
