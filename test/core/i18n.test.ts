import { describe, expect, it } from "vitest";
import { en } from "../../src/i18n/en.ts";
import { nl } from "../../src/i18n/nl.ts";

/** English words that have leaked into the Dutch interface before; Dutch professionals write Dutch. */
const ENGLISH =
  /\b(chair|monitoring|other|owner|deadline|meeting|agreement|signals?|cases?|none|members?|table|report|due|lead|tier|attendance)\b/i;

describe("the message catalogues", () => {
  it("have every key in both languages, and no empty text", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort());
    for (const [key, text] of [...Object.entries(nl), ...Object.entries(en)])
      expect(text.trim(), key).not.toBe("");
  });

  it("say the Dutch interface in Dutch", () => {
    const leaks = Object.entries(nl)
      .map(([key, text]) => [key, text.replace(/`[^`]*`|\{[^}]*\}/g, "")] as const)
      .filter(([, text]) => ENGLISH.test(text));
    expect(leaks).toEqual([]);
  });

  it("keep the same placeholders in both languages", () => {
    const names = (text: string) => [...text.matchAll(/\{(\w[\w-]*)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(nl) as (keyof typeof nl)[])
      expect(names(en[key]), key).toEqual(names(nl[key]));
  });
});
