import type { AGE_BANDS, Case, Member, TableDoc } from "./model.ts";
import { may } from "./permissions.ts";
import { fail, ok, type Result } from "./result.ts";
import { activeMembers } from "./table.ts";

export type AgeBand = (typeof AGE_BANDS)[number];
export type Duty = "volledig" | "kwalificatie" | "geen";

/**
 * The duty an age band carries (domain.md TH-15, [004 L65-76]): full compulsory education to the end of the school
 * year in which the pupil turns 16, the qualification duty until 18, none after. An age band, never a birth date:
 * 16-17 is read as the qualification duty, the usual case.
 */
export const dutyOf = (band: AgeBand | null): Duty | null =>
  band === null ? null : band === "18+" ? "geen" : band === "16-17" ? "kwalificatie" : "volledig";

/** Two place or office names as people type them: the same whatever their case; a missing one is no match. */
export const sameName = (a: string | null | undefined, b: string | null | undefined) =>
  a != null && b != null && a.toLocaleLowerCase("nl") === b.toLocaleLowerCase("nl");

/** The members who serve the pupil's residence municipality (FR-03, [004 L90-93]); none when it is not known. */
export function serving<M extends Pick<Member, "municipalities">>(
  members: readonly M[],
  c: Pick<Case, "municipality">,
): M[] {
  const place = c.municipality;
  return place === null ? [] : members.filter((m) => m.municipalities.some((p) => sameName(p, place)));
}

/** Who of these hears about a case: those who serve its municipality, or all of them when nobody does. */
export function servingFirst<M extends Pick<Member, "municipalities">>(
  members: readonly M[],
  c: Pick<Case, "municipality">,
): M[] {
  const local = serving(members, c);
  return local.length > 0 ? local : [...members];
}

/** The table's leerplichtambtenaren: who does leerplicht's part of a case. */
export const officersOf = (doc: TableDoc): Member[] =>
  activeMembers(doc).filter((m) => may(m, "leerplicht-taak"));

/**
 * "Leerplicht" as the owner of a task (`actie C-3 leerplicht …`): the officer who serves the pupil's municipality,
 * or the table's only officer; several who could, and Tafel asks which.
 */
export function competentOfficer(doc: TableDoc, c: Case): Result<Member> {
  const officers = servingFirst(officersOf(doc), c);
  if (officers.length === 1) return ok(officers[0] as Member);
  return officers.length === 0
    ? fail("geen-leerplichtambtenaar")
    : fail("leerplicht-welke", { id: c.id, handles: officers.map((m) => `@${m.handle}`).join(", ") });
}
