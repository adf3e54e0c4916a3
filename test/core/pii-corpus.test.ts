import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkText } from "../../src/core/privacy.ts";

/**
 * The privacy guard measured on notes as a case table writes them: 435 with personal data (194 with a person's
 * name, the rest BSN, e-mail, phone, IBAN, pupil number, postcode, birth date and street address; 105 of them
 * pupil numbers behind a label, disguised e-mail and two-digit birth years) and 340 without.
 * docs/reference.md reports the figures this test prints.
 */
const dir = join(import.meta.dirname, "../fixtures/pii");
const lines = (file: string) =>
  readFileSync(join(dir, file), "utf8")
    .split("\n")
    .filter((l) => l !== "" && !l.startsWith("#"));
const withData = lines("with-personal-data.tsv").map((l) => l.split("\t") as [string, string]);
const clean = lines("clean.txt");
const TODAY = "2026-11-23";
const refused = (note: string) => !checkText(note, TODAY).ok;

describe("the privacy guard on the note corpus", () => {
  it("refuses every note with a number, address, birth date or contact detail, ≥ 95 % of names, no clean note", () => {
    const byKind = Map.groupBy(withData, ([kind]) => kind);
    const recall = new Map(
      [...byKind].map(([kind, notes]) => [kind, notes.filter(([, n]) => refused(n)).length / notes.length]),
    );
    const falseRefusals = clean.filter(refused);
    console.info(
      `PII corpus: ${withData.length} notes with personal data, ${clean.length} without. Recall: ${[...recall]
        .map(([k, r]) => `${k} ${(r * 100).toFixed(1)} %`)
        .join(", ")}. False refusals: ${falseRefusals.length} of ${clean.length}.`,
    );
    const missed = withData.filter(([kind, n]) => kind !== "naam" && !refused(n));
    expect(missed).toEqual([]);
    expect(recall.get("naam")).toBeGreaterThanOrEqual(0.95);
    // Below 0,5 %: at this corpus's size that is none.
    expect(falseRefusals).toEqual([]);
  });
});
