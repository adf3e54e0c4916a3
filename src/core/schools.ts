import { SCHOOL_CODE, type SCHOOL_KINDS, type School, type TableDoc } from "./model.ts";
import { may } from "./permissions.ts";
import { fail, ok, type Result } from "./result.ts";
import { memberById } from "./table.ts";

/**
 * The schools a table serves (FR-36, issue #28): recorded by the chair or leerplicht, read by every member. The
 * school layer holds no pupil data; a signal's `school=` names one of them.
 */
export type SchoolKind = (typeof SCHOOL_KINDS)[number];

export interface SchoolInput {
  code: string;
  name: string | null;
  kind: SchoolKind | null;
  yearGroups: string[] | null;
  municipality: string | null;
  contact: string | null;
  officer: string | null;
}

/** The schools of one BRIN are its locations: `12AB` names them all, `12AB00` one. */
export const brinOf = (code: string) => code.slice(0, 4);

export const schoolByCode = (doc: TableDoc, code: string): School | undefined =>
  doc.schools.find((s) => s.code === code);

/** The locations of a BRIN, or the one school a full code names. */
export const schoolsOf = (doc: TableDoc, code: string): School[] =>
  code.length === 4
    ? doc.schools.filter((s) => brinOf(s.code) === code)
    : doc.schools.filter((s) => s.code === code);

/**
 * Records a school or changes what is given of it. A new school needs its name and type; the contact is a member
 * at the school, the officer a leerplichtambtenaar of the table.
 */
export function setSchool(
  doc: TableDoc,
  input: SchoolInput,
  by: string,
  at: string,
): Result<{ school: School; created: boolean }> {
  if (!SCHOOL_CODE.test(input.code)) return fail("school-code", { code: input.code });
  const contact = input.contact === null ? undefined : memberById(doc, input.contact);
  if (input.contact !== null && !contact) return fail("geen-lid-gevonden", { handle: input.contact });
  if (contact && !may(contact, "school-contactpersoon"))
    return fail("school-contact-rol", { handle: contact.handle });
  const officer = input.officer === null ? undefined : memberById(doc, input.officer);
  if (input.officer !== null && !officer) return fail("geen-lid-gevonden", { handle: input.officer });
  if (officer && !may(officer, "leerplicht-taak"))
    return fail("school-leerplicht-rol", { handle: officer.handle });
  const found = schoolByCode(doc, input.code);
  if (!found && (input.name === null || input.kind === null))
    return fail("school-nieuw", { code: input.code });
  const school: School = {
    code: input.code,
    name: input.name ?? (found?.name as string),
    kind: input.kind ?? (found?.kind as SchoolKind),
    yearGroups: input.yearGroups ?? found?.yearGroups ?? [],
    municipality: input.municipality ?? found?.municipality ?? null,
    contact: contact?.id ?? found?.contact ?? null,
    officer: officer?.id ?? found?.officer ?? null,
    policy: found?.policy ?? {},
    changedAt: at,
    changedBy: by,
  };
  // A new list, in code order: the whole value is written (a table serves tens of schools, not thousands).
  doc.schools = [...doc.schools.filter((s) => s.code !== input.code), school].sort((a, b) =>
    a.code.localeCompare(b.code),
  );
  return ok({ school, created: !found });
}

/** A code that names no school of the table, refused with the codes there are. */
export const unknownSchool = (doc: TableDoc, code: string) =>
  fail("school-onbekend", { code, known: doc.schools.map((s) => s.code).join(", ") || "–" });

/**
 * A signal's `school=` once the table records its schools: a school of the table (a location's code, or a BRIN
 * with one location), else refused with the codes there are. A table that records none takes any code, as before.
 */
export function checkSchoolRef(doc: TableDoc, code: string | null): Result<string | null> {
  if (code === null || doc.schools.length === 0) return ok(code);
  const matches = schoolsOf(doc, code);
  if (matches.length === 1) return ok((matches[0] as School).code);
  return fail(matches.length > 1 ? "school-welke-locatie" : "school-onbekend", {
    code,
    known: (matches.length > 1 ? matches : doc.schools).map((s) => s.code).join(", "),
  });
}

/** `1-6`, `1,2,3`, `5-8`: year groups or leerjaren 1 to 8, as a list. */
export function yearGroupsOf(text: string): string[] | null {
  const out = new Set<number>();
  for (const part of text.split(",")) {
    const m = /^\s*([1-8])\s*(?:-\s*([1-8]))?\s*$/.exec(part);
    if (!m) return null;
    const from = Number(m[1]);
    const to = Number(m[2] ?? m[1]);
    if (to < from) return null;
    for (let g = from; g <= to; g++) out.add(g);
  }
  return [...out].sort((a, b) => a - b).map(String);
}
