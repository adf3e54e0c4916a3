/**
 * The words of the local protocol and the triage (issue #29), from the sources: what a school has done before it
 * signals [003 L1185], what stays the school's [003 L1186], the priority rules [003 L1187], when a case goes up
 * [003 L1188], the officer's role [003 L1189], and the routes the table weighs [003 L861]. A list, never free text,
 * so they can be filtered, reported and checked.
 */

/** What a school may have done before it signals concern (FR-20 "acties die de school al heeft ingezet"). */
export const SCHOOL_ACTIONS = [
  "gesprek-leerling",
  "gesprek-ouders",
  "mentor",
  "zorgteam",
  "jgz",
  "plan-van-aanpak",
  "thuisbezoek",
] as const;
export type SchoolAction = (typeof SCHOOL_ACTIONS)[number];

/** How the absence shows (FR-20): whole days, certain lessons, late, changing. */
export const ABSENCE_PATTERNS = ["hele-dagen", "bepaalde-lessen", "te-laat", "wisselend"] as const;
export type AbsencePattern = (typeof ABSENCE_PATTERNS)[number];

/** What stays the school's responsibility once leerplicht is in the case [003 L1186]. */
export const SCHOOL_DUTIES = [
  "registratie",
  "verzuimmelding",
  "gesprekken",
  "contact-ouders",
  "zorg-in-school",
  "terugkeer",
] as const;
export type SchoolDuty = (typeof SCHOOL_DUTIES)[number];

/** Priority rules (FR-27) the sources name: absolute absence, thuiszitters, the threshold, tier 3, fast rising, young pupils, waiting longest. */
export const PRIORITY_RULES = [
  "absoluut",
  "thuiszitter",
  "meldplichtig",
  "laag-3",
  "snel-stijgend",
  "jong",
  "langst-wachtend",
] as const;
export type PriorityRule = (typeof PRIORITY_RULES)[number];

/** When a case goes up to the table [003 L1188]: at the threshold, in tier 3, a thuiszitter, or no triage in time. */
export const ESCALATIONS = ["meldplichtig", "laag-3", "thuiszitter", "geen-triage"] as const;
export type Escalation = (typeof ESCALATIONS)[number];

/** The officer's role in a case [003 L1189]. */
export const OFFICER_ROLES = ["adviserend", "mede-regie"] as const;
export type OfficerRole = (typeof OFFICER_ROLES)[number];

/** Whether preventive information may serve enforcement: the open legal question [003 L921], until the region answers. */
export const PREVENTIVE_REUSE = ["vragen", "toegestaan", "nee"] as const;

/** The routes of a triage decision (FR-22, [003 L861]). */
export const ROUTES = ["school", "spreekuur", "wijkteam", "jgz", "mdo", "volgen", "handhaving"] as const;
export type Route = (typeof ROUTES)[number];

/** Causes an investigation finds (FR-21 "oorzaken" [003 L860]), plus a note. */
export const CAUSES = [
  "gezondheid",
  "psychisch",
  "thuissituatie",
  "pesten",
  "leerproblemen",
  "motivatie",
  "ondersteuning",
  "schoolklimaat",
  "werk",
  "overig",
] as const;
export type Cause = (typeof CAUSES)[number];

export const LEVELS = ["laag", "midden", "hoog"] as const;
export type Level = (typeof LEVELS)[number];

/** What came of a consultation hour (FR-24). */
export const SLOT_RESULTS = ["gezien", "niet-gezien", "afgezegd"] as const;
export type SlotResult = (typeof SLOT_RESULTS)[number];
