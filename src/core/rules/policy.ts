import { z } from "zod";
import { FUNCTIONS } from "../permissions.ts";
import {
  ESCALATIONS,
  OFFICER_ROLES,
  PREVENTIVE_REUSE,
  PRIORITY_RULES,
  SCHOOL_ACTIONS,
  SCHOOL_DUTIES,
} from "../protocol-lists.ts";

export const SCHOOL_TYPES = ["po", "vo", "mbo"] as const;
export const SchoolType = z.enum(SCHOOL_TYPES);
export type SchoolType = z.infer<typeof SchoolType>;

/**
 * The region's choice below the threshold (domain.md §6.1, FR-01, FR-15): `preventief` (leerplicht takes part,
 * case F), `consult` (leerplicht only anonymously, scenario 1), `wettelijk` (leerplicht only from the threshold,
 * case E since 1 January 2026).
 */
export const INTAKE_MODES = ["preventief", "consult", "wettelijk"] as const;
export const IntakeMode = z.enum(INTAKE_MODES);
export type IntakeMode = z.infer<typeof IntakeMode>;

const weeks = z.number().int().min(1).max(40);
const count = z.number().int().min(0).max(100);

/**
 * A table's rules: the national default plus its own overrides. The legal threshold itself (16 hours in 4 school
 * weeks) is law and not a setting; what a table may set is the warning margin, its local protocol triggers (all
 * off by default, value 0), the tier window and the weekly lesson hours.
 */
export const Policy = z.strictObject({
  margin: z.number().min(0).max(16),
  lateCount: count,
  lateWeeks: weeks,
  sickCount: count,
  sickWeeks: weeks,
  sickHours: z.number().min(0).max(1000),
  sickHoursWeeks: weeks,
  newcomerWeeks: z.number().int().min(0).max(52),
  tierWindow: z.union([z.literal("schooljaar"), weeks]),
  lessonHoursPo: z.number().min(1).max(40),
  lessonHoursVo: z.number().min(1).max(40),
  lessonHoursMbo: z.number().min(1).max(40),
  /** The most lesson hours one school day holds, per school type: more absence on one day is a typo. */
  dayHoursPo: z.number().min(1).max(12),
  dayHoursVo: z.number().min(1).max(12),
  dayHoursMbo: z.number().min(1).max(12),
  schoolType: SchoolType,
  intakeMode: IntakeMode,
  /** Local time (HH:MM, Europe/Amsterdam) at which the day's reminders go out on school days. */
  reminderTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  /** School days before the due date that the owner is reminded; 0: only on the day itself. */
  reminderDaysBefore: z.number().int().min(0).max(10),
  /** School days overdue after which the case's regie holder hears of an agreement. */
  leadAfter: z.number().int().min(1).max(40),
  /** School days without regie after which the chair hears of a case. */
  chairAfter: z.number().int().min(1).max(40),
  /** ISO weekday (1 = Monday) of the weekly table digest; 0: no digest. */
  digestDay: z.number().int().min(0).max(5),
  digestTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  /** School days after the crossing within which the school reports to DUO; after it the chair hears it too. */
  duoDays: z.number().int().min(1).max(60),
  /** TH-16: school days without unauthorised absence before a case closes without a stated reason; 0: never asked. */
  closeQuietDays: z.number().int().min(0).max(60),
  /** Months after closing that a case keeps its pupil key, texts and signals (then only counts remain). */
  retentionMonths: z.number().int().min(1).max(120),
  /** Pupils of compulsory age the table serves (RPT-02); 0: not given. */
  pupils: z.number().int().min(0).max(10_000_000),
  /** Published counts below this are shown as "<N" (never below 5). */
  reportMinimum: z.number().int().min(5).max(100),
  // The local protocol's five answers [003 L1183-1189] (FR-02, issue #29): see core/protocol.ts.
  /** What the school must have done before leerplicht picks a signal up. */
  preconditions: z.array(z.enum(SCHOOL_ACTIONS)),
  /** What stays the school's responsibility once leerplicht takes part. */
  schoolDuties: z.array(z.enum(SCHOOL_DUTIES)),
  /** The priority rules, most important first: they order the work list, the waiting list and the agenda. */
  priority: z.array(z.enum(PRIORITY_RULES)),
  /** When a case goes up to the table's agenda. */
  escalation: z.array(z.enum(ESCALATIONS)),
  /** School days after a case's first signal without a triage before `geen-triage` puts it on the agenda. */
  escalateAfter: z.number().int().min(1).max(60),
  /** The officer's role in a case: only advising, or sharing regie. */
  officerRole: z.enum(OFFICER_ROLES),
  /** School days an investigation has before it is due (FR-21). */
  investigationDays: z.number().int().min(1).max(60),
  /** The region's answer to whether preventive information may serve enforcement [003 L921] (FR-28). */
  preventiveReuse: z.enum(PREVENTIVE_REUSE),
  /** School days a regie holder may record nothing on an open case before the regie guardian hears it; 0: off (FR-35). */
  staleRegieDays: z.number().int().min(0).max(60),
  /** The regie guardian (FR-35, [003 L666]): the function that hears of vacant or stale regie; the chair by default. */
  regieGuardian: z.enum(FUNCTIONS),
  // The table's rhythm (FR-05, FR-40, issue #31): a meeting every so many weeks on a weekday, from a first date.
  /** Weeks between meetings; 0: no rhythm (meetings as they come). */
  meetingWeeks: z.number().int().min(0).max(12),
  /** ISO weekday (1 = Monday) and time of the meeting. */
  meetingDay: z.number().int().min(1).max(5),
  meetingTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  /** The first meeting of the rhythm: the cycle counts from it. */
  meetingFrom: z.iso.date().nullable(),
  /** School days before the meeting that its agenda goes to the table; 0: on the day. */
  agendaDays: z.number().int().min(0).max(10),
});
export type Policy = z.infer<typeof Policy>;
export const PolicyOverrides = Policy.partial();
export type PolicyOverrides = z.infer<typeof PolicyOverrides>;

export const NATIONAL_DEFAULT: Policy = {
  margin: 12,
  lateCount: 0,
  lateWeeks: 4,
  sickCount: 0,
  sickWeeks: 12,
  sickHours: 0,
  sickHoursWeeks: 12,
  newcomerWeeks: 0,
  tierWindow: "schooljaar",
  lessonHoursPo: 25,
  lessonHoursVo: 26,
  lessonHoursMbo: 20,
  // Labelled defaults, not from the sources: a primary school day runs to about 15:00 (5,5 lesson hours), a
  // secondary or MBO day holds at most 8 lesson periods.
  dayHoursPo: 6,
  dayHoursVo: 8,
  dayHoursMbo: 8,
  schoolType: "vo",
  // Labelled default: the nul-scenario leaves preventive work to the region [003 L790]; Tafel starts with the
  // table taking part, as it always did, and a region that chose otherwise says so with `beleid intake=…`.
  intakeMode: "preventief",
  reminderTime: "09:00",
  reminderDaysBefore: 1,
  leadAfter: 2,
  chairAfter: 5,
  digestDay: 1,
  digestTime: "08:30",
  // Labelled default: the sources leave the DUO report's deadline open (TH-01): one school week.
  duoDays: 5,
  // Labelled default: the sources leave open how long absence must have stopped (TH-16 GAP): two school weeks.
  closeQuietDays: 10,
  retentionMonths: 24,
  pupils: 0,
  reportMinimum: 10,
  // Labelled defaults: the sources leave each answer to the region's protocol [003 L1183-1189]. No preconditions
  // and no escalation until the region records them; a priority order from the rules the sources name (issue #29).
  preconditions: [],
  schoolDuties: [],
  priority: ["absoluut", "thuiszitter", "meldplichtig", "laag-3", "snel-stijgend", "jong", "langst-wachtend"],
  escalation: [],
  escalateAfter: 15,
  officerRole: "adviserend",
  // Labelled default (domain.md FR-21 GAP: the sources give no term): two school weeks.
  investigationDays: 10,
  // The open legal question [003 L921]: ask, until the region answers it.
  preventiveReuse: "vragen",
  // Labelled default (FR-35: the sources name the guardian, not the term): two school weeks.
  staleRegieDays: 10,
  regieGuardian: "voorzitter",
  meetingWeeks: 0,
  meetingDay: 4,
  meetingTime: "13:00",
  meetingFrom: null,
  // Labelled default: the sources set the rhythm, not the notice; two school days to read the agenda.
  agendaDays: 2,
};

export const policyOf = (overrides: PolicyOverrides): Policy =>
  Policy.parse({
    ...NATIONAL_DEFAULT,
    ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)),
  });

/** The words partners use in `beleid <sleutel>=<waarde>`, mapped onto the policy. */
export const POLICY_KEYS = {
  "meldgrens.marge": "margin",
  "te-laat.aantal": "lateCount",
  "te-laat.weken": "lateWeeks",
  "ziek.aantal": "sickCount",
  "ziek.weken": "sickWeeks",
  "ziekuren.uren": "sickHours",
  "ziekuren.weken": "sickHoursWeeks",
  "nieuwkomer.weken": "newcomerWeeks",
  "laag.venster": "tierWindow",
  "lesuren.po": "lessonHoursPo",
  "lesuren.vo": "lessonHoursVo",
  "lesuren.mbo": "lessonHoursMbo",
  "lesuren.dag.po": "dayHoursPo",
  "lesuren.dag.vo": "dayHoursVo",
  "lesuren.dag.mbo": "dayHoursMbo",
  schooltype: "schoolType",
  intake: "intakeMode",
  "herinnering.tijd": "reminderTime",
  "herinnering.dagen-voor": "reminderDaysBefore",
  "herinnering.regie-na": "leadAfter",
  "herinnering.zonder-regie-na": "chairAfter",
  "weekoverzicht.dag": "digestDay",
  "weekoverzicht.tijd": "digestTime",
  "duo.termijn": "duoDays",
  "sluiten.verzuimvrij": "closeQuietDays",
  "bewaren.maanden": "retentionMonths",
  "leerlingen.aantal": "pupils",
  "rapport.minimum": "reportMinimum",
  "protocol.voorwaarden": "preconditions",
  "protocol.school": "schoolDuties",
  "protocol.prioriteit": "priority",
  "protocol.opschalen": "escalation",
  "protocol.opschalen-na": "escalateAfter",
  "protocol.rol": "officerRole",
  "onderzoek.termijn": "investigationDays",
  "protocol.preventief-hergebruik": "preventiveReuse",
  "regie.stil-na": "staleRegieDays",
  "regie.bewaker": "regieGuardian",
  "overleg.ritme": "meetingWeeks",
  "overleg.dag": "meetingDay",
  "overleg.tijd": "meetingTime",
  "overleg.vanaf": "meetingFrom",
  "overleg.agenda-dagen": "agendaDays",
} as const satisfies Record<string, keyof Policy>;
export type PolicyKey = keyof typeof POLICY_KEYS;

export const WEEKDAY_NUMBERS: ReadonlyMap<string, number> = new Map([
  ["uit", 0],
  ["maandag", 1],
  ["dinsdag", 2],
  ["woensdag", 3],
  ["donderdag", 4],
  ["vrijdag", 5],
]);

/** Minutes after midnight of `HH:MM`. */
export const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Settings that are a list, written with commas (`gesprek-leerling,gesprek-ouders`), or `geen`. */
export const LIST_FIELDS: ReadonlySet<keyof Policy> = new Set([
  "preconditions",
  "schoolDuties",
  "priority",
  "escalation",
]);

/** Reads `waarde` for one key: numbers with a decimal comma, `schooljaar` or a week count for the tier window. */
export function readPolicyValue(key: PolicyKey, raw: string): PolicyOverrides | null {
  const field = POLICY_KEYS[key];
  const text =
    field === "schoolType" ||
    field === "intakeMode" ||
    field === "reminderTime" ||
    field === "digestTime" ||
    field === "officerRole" ||
    field === "preventiveReuse" ||
    field === "meetingTime" ||
    field === "regieGuardian" ||
    field === "meetingFrom";
  const value: unknown = LIST_FIELDS.has(field)
    ? raw === "geen"
      ? []
      : [...new Set(raw.split(","))]
    : text || (field === "tierWindow" && raw === "schooljaar")
      ? raw
      : (field === "digestDay" || field === "meetingDay") && WEEKDAY_NUMBERS.has(raw)
        ? WEEKDAY_NUMBERS.get(raw)
        : Number(raw.replace(",", "."));
  const parsed = PolicyOverrides.safeParse({ [field]: value });
  return parsed.success && raw !== "" ? parsed.data : null;
}

/** The most absence one school day of this school type can hold. */
export function dayHours(policy: Policy, type: SchoolType): number {
  return type === "po" ? policy.dayHoursPo : type === "vo" ? policy.dayHoursVo : policy.dayHoursMbo;
}

export function lessonHours(policy: Policy, type: SchoolType): number {
  return type === "po" ? policy.lessonHoursPo : type === "vo" ? policy.lessonHoursVo : policy.lessonHoursMbo;
}
