/**
 * Who at the table may do what: the one place a role rule is written. Dispatch, `help`, the forms, the
 * notices and the use cases all read `may` and `whoMay`; rules that follow from a relation to a record (the
 * regie holder of a case, the owner of an agreement, who raised a signal) stay with that record's use case
 * and are added to what the function allows there.
 *
 * Functions are those the sources name at a case table (domain.md §4, the roles table): the school's
 * zorgcoördinator, verzuimcoördinator, mentor and schoolleiding; the leerplichtambtenaar (a BOA may write a
 * proces-verbaal, domain.md PR-20 and the glossary); RMC/Doorstroompunt; JGZ; school social work; the
 * wijkteam/jeugdteam; youth help; the samenwerkingsverband; Veilig Thuis; Halt; and the chair.
 */

import { fail } from "./result.ts";

export const FUNCTIONS = [
  "voorzitter",
  "zorgcoordinator",
  "verzuimcoordinator",
  "mentor",
  "schoolleiding",
  "leerplichtambtenaar",
  "rmc-consulent",
  "jgz",
  "schoolmaatschappelijk-werk",
  "wijkteam",
  "jeugdhulp",
  "samenwerkingsverband",
  "veilig-thuis",
  "halt",
  "overig",
] as const;
export type Functie = (typeof FUNCTIONS)[number];

export const SCHOOL_FUNCTIONS = ["zorgcoordinator", "verzuimcoordinator", "mentor", "schoolleiding"] as const;

export const PERMISSIONS = [
  /** Members, holidays, free days, local policy, retention, meetings' opening and closing. */
  "tafel-inrichten",
  /** The audit trail and the full export hold every record: the chair answers for them. */
  "audit",
  "export",
  /** The annual report: the chair and the leerplichtambtenaar, who reports to the municipality. */
  "rapport",
  /** Close, reopen, monitor any case (its regie holder may always). */
  "casus-sturen",
  /** Give or take anyone's regie, finish anyone's agreement, withdraw anyone's signal. */
  "werk-van-anderen",
  /** MAS steps: warnings, Halt, civil route; the officer's legal task (domain.md §5.2, PR-02). */
  "handhaven",
  /** A proces-verbaal needs BOA status (domain.md glossary, PR-20). */
  "proces-verbaal",
  /** An exemption claim is the officer's to handle (domain.md §4, LPA). */
  "vrijstelling-vastleggen",
  /** The MAS log on the case card. */
  "handhaving-zien",
  /** Sick hours: the school registers them, JGZ acts on them (domain.md §7, PR-07). */
  "gezondheid-zien",
  /** Told privately when a pupil nears or crosses the threshold. */
  "meldgrens-horen",
  /** Told privately to report a crossing to DUO: the school's coordinators report (domain.md §4). */
  "duo-melden",
  /** Records that the school made the DUO report (`gemeld C-n`): a school member. */
  "duo-vastleggen",
  /** The daily chair's line about vacant regie and stuck cases. */
  "tafel-bewaken",
  /** Leerplicht's own part in a case: below the threshold only as the table's intake mode allows (FR-15). */
  "leerplicht-taak",
  /** Keeps regie below the threshold where the region leaves it with the school (FR-15, [003 L844]). */
  "schoolregie",
  /** Records and changes the schools the table serves; every member reads them (FR-36, issue #28). */
  "scholen-beheren",
  /** Is a school's contact person at the table: someone who works at the school. */
  "school-contactpersoon",
  /** Delivers a school's aggregated absence figures (FR-10): the school, leerplicht, the chair. */
  "cijfers-aanleveren",
  /** Advises a school on its absence policy and follows it up (FR-12): the officer's school-level work. */
  "scholen-adviseren",
  /** Registers and moves bottlenecks across schools for the policy agenda (FR-13). */
  "systeemsignalen",
  /** Records leerplicht's own preventive actions at a school (FR-44). */
  "preventief-vastleggen",
  /** Opens an investigation of a signal and records what it found (FR-21): the officer's task [003 L860]. */
  "onderzoeken",
  /** Records the table's triage: the route, the officer's role, who moves next (FR-22, [003 L861]). */
  "triageren",
  /** Holds consultation hours and logs their outcome (FR-24): leerplicht or JGZ [001 L202-206]. */
  "spreekuur-houden",
  /** Books a case into a consultation hour: the school that signals, the officer, JGZ, the chair. */
  "spreekuur-boeken",
  /** Sees a school's early flag that stays within the school under consult or wettelijk intake (FR-42). */
  "vroegsignaal-zien",
  /** Marks a pupil at home through illness (FR-32): health data, so who may see it; JGZ and the SWV hear of it. */
  "thuis-ziek",
  /** Hears that a pupil is at home through illness: youth health and the samenwerkingsverband [004 L285-288]. */
  "thuis-ziek-horen",
  /** Sets up and changes the region its table belongs to, and hands a stuck case to its doorbraaktafel (issue #30). */
  "regio-beheren",
  /** The RMC's part for 18–23-year-olds without a start qualification: routed to by the region (FR-03). */
  "rmc-taak",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: { readonly [P in Permission]: readonly Functie[] } = {
  "tafel-inrichten": ["voorzitter"],
  audit: ["voorzitter"],
  export: ["voorzitter"],
  rapport: ["voorzitter", "leerplichtambtenaar"],
  "casus-sturen": ["voorzitter", "leerplichtambtenaar"],
  "werk-van-anderen": ["voorzitter"],
  handhaven: ["leerplichtambtenaar"],
  "proces-verbaal": ["leerplichtambtenaar"],
  "handhaving-zien": ["leerplichtambtenaar"],
  "vrijstelling-vastleggen": ["leerplichtambtenaar"],
  "gezondheid-zien": [...SCHOOL_FUNCTIONS, "jgz"],
  "meldgrens-horen": ["leerplichtambtenaar"],
  "duo-melden": ["zorgcoordinator", "verzuimcoordinator"],
  "duo-vastleggen": SCHOOL_FUNCTIONS,
  "tafel-bewaken": ["voorzitter"],
  "leerplicht-taak": ["leerplichtambtenaar"],
  schoolregie: SCHOOL_FUNCTIONS,
  "scholen-beheren": ["voorzitter", "leerplichtambtenaar"],
  "school-contactpersoon": SCHOOL_FUNCTIONS,
  "cijfers-aanleveren": ["voorzitter", "leerplichtambtenaar", ...SCHOOL_FUNCTIONS],
  "scholen-adviseren": ["leerplichtambtenaar"],
  systeemsignalen: ["voorzitter", "leerplichtambtenaar"],
  "preventief-vastleggen": ["leerplichtambtenaar"],
  onderzoeken: ["leerplichtambtenaar"],
  triageren: ["voorzitter", "leerplichtambtenaar"],
  "spreekuur-houden": ["leerplichtambtenaar", "jgz"],
  "spreekuur-boeken": ["voorzitter", "leerplichtambtenaar", "jgz", ...SCHOOL_FUNCTIONS],
  "vroegsignaal-zien": ["voorzitter", ...SCHOOL_FUNCTIONS],
  "thuis-ziek": [...SCHOOL_FUNCTIONS, "jgz", "samenwerkingsverband"],
  "thuis-ziek-horen": ["jgz", "samenwerkingsverband"],
  "regio-beheren": ["voorzitter"],
  "rmc-taak": ["rmc-consulent"],
};

/** Permissions that also need BOA status. */
const NEEDS_BOA: ReadonlySet<Permission> = new Set(["proces-verbaal"]);

export interface Holder {
  role: Functie;
  boa: boolean;
}

export const may = (m: Holder | undefined, p: Permission): boolean =>
  m !== undefined && GRANTS[p].includes(m.role) && (!NEEDS_BOA.has(p) || m.boa);

/** Who should hear of a duty that must reach someone: those who may, else the sector that carries it. */
const FALLBACK: { readonly [P in Permission]?: readonly Functie[] } = { "duo-melden": SCHOOL_FUNCTIONS };

export function addressees<M extends Holder>(members: readonly M[], p: Permission): M[] {
  const first = members.filter((m) => may(m, p));
  const fallback = FALLBACK[p];
  return first.length > 0 || !fallback ? first : members.filter((m) => fallback.includes(m.role));
}

/**
 * Who holds a task the table gives to a function by its own choice (the regie guardian, `beleid regie.bewaker`): the
 * members of that function, else those the permission names.
 */
export function holdersOf<M extends Holder>(members: readonly M[], f: Functie, otherwise: Permission): M[] {
  const named = members.filter((m) => m.role === f);
  return named.length ? named : addressees(members, otherwise);
}

/** Why a member may not: the functions that may, or the BOA status the function lacks. */
export const refusal = (m: Holder, p: Permission) =>
  NEEDS_BOA.has(p) && GRANTS[p].includes(m.role)
    ? fail("boa-nodig")
    : fail("rol-niet-toegestaan", { roles: GRANTS[p].join("|") });

export const whoMay = (p: Permission): readonly Functie[] => GRANTS[p];

/**
 * The roles before functions (store schema 3, and the `role` field of export v1): each function maps back to
 * the sector it belongs to, so readers of the export keep their vocabulary.
 */
export const LEGACY_ROLE: { readonly [F in Functie]: string } = {
  voorzitter: "chair",
  zorgcoordinator: "school",
  verzuimcoordinator: "school",
  mentor: "school",
  schoolleiding: "school",
  leerplichtambtenaar: "leerplicht",
  "rmc-consulent": "other",
  jgz: "jgz",
  "schoolmaatschappelijk-werk": "jeugdhulp",
  wijkteam: "wijkteam",
  jeugdhulp: "jeugdhulp",
  samenwerkingsverband: "swv",
  "veilig-thuis": "other",
  halt: "other",
  overig: "other",
};

/** Schema 3 → 4: the old role becomes the function that carried it most often. */
export const FUNCTION_OF_LEGACY: ReadonlyMap<string, Functie> = new Map([
  ["chair", "voorzitter"],
  ["school", "zorgcoordinator"],
  ["leerplicht", "leerplichtambtenaar"],
  ["jgz", "jgz"],
  ["wijkteam", "wijkteam"],
  ["jeugdhulp", "jeugdhulp"],
  ["swv", "samenwerkingsverband"],
  ["other", "overig"],
]);
