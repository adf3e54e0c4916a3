import type { Case, EXEMPTION_GROUNDS } from "./model.ts";
import { fail, ok, type Result } from "./result.ts";

export type ExemptionGround = (typeof EXEMPTION_GROUNDS)[number];

/**
 * Exemption from leerplicht (Leerplichtwet art. 5; domain.md glossary, RPT-07): (a) physically or mentally
 * unfit, (b) objection to the orientation of every school nearby (richtingsbezwaren; the letter is OUTSIDE
 * SOURCES), (c) schooling abroad. It arises "van rechtswege" when the claim meets the law (TH-18); the
 * leerplichtambtenaar, who handles claims, records it.
 */
export const exemptOn = (c: Case, date: string): boolean =>
  c.exemption !== null && c.exemption.from <= date && (c.exemption.to === null || date <= c.exemption.to);

/** Absence that cannot be reported for an exempted pupil: there is no attendance duty to be absent from. */
export const DUTY_KINDS: ReadonlySet<string> = new Set([
  "ongeoorloofd",
  "te-laat",
  "luxe",
  "thuiszitter",
  "absoluut",
]);

export interface ExemptionInput {
  ground: ExemptionGround;
  from: string;
  to: string | null;
}

export function recordExemption(c: Case, input: ExemptionInput, by: string, at: string): Result<Case> {
  if (c.pupilKey === null) return fail("interventie-anoniem", { id: c.id });
  if (input.to !== null && input.to < input.from) return fail("periode-omgekeerd");
  c.exemption = { ground: input.ground, from: input.from, to: input.to, by, at };
  return ok(c);
}
