import { z } from "zod";
import { PolicyOverrides, SchoolType } from "./rules/policy.ts";

/** The document every table is persisted as. Validated on load; `schemaVersion` drives migrations. */
export const SCHEMA_VERSION = 2;

export const LocalDate = z.iso.date();
export type LocalDate = z.infer<typeof LocalDate>;
const Instant = z.iso.datetime();

export const ROLES = [
  "chair",
  "school",
  "leerplicht",
  "jgz",
  "wijkteam",
  "jeugdhulp",
  "swv",
  "other",
] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const REGIONS = ["noord", "midden", "zuid"] as const;
export const Region = z.enum(REGIONS);
export type Region = z.infer<typeof Region>;

export const LANGUAGES = ["nl", "en"] as const;
export const Language = z.enum(LANGUAGES);
export type Language = z.infer<typeof Language>;

export const SIGNAL_KINDS = [
  "ongeoorloofd",
  "te-laat",
  "ziek",
  "luxe",
  "absoluut",
  "thuiszitter",
  "zorg",
] as const;
export const SignalKind = z.enum(SIGNAL_KINDS);
export type SignalKind = z.infer<typeof SignalKind>;

/** Legal bases (grondslag) a pupil-identifiable case can rest on: domain.md §7.2. */
export const LEGAL_BASES = [
  "ongeoorloofd-verzuim",
  "absoluut-verzuim",
  "vrijstelling",
  "toestemming-ouders",
  "convenant",
] as const;
export const LegalBasis = z.enum(LEGAL_BASES);
export type LegalBasis = z.infer<typeof LegalBasis>;

/** Outflow categories of the annual report (DESIGN.md §2). */
export const OUTCOMES = [
  "schoolgang-hervat",
  "verwijzing-zorg",
  "handhaving",
  "vrijstelling",
  "18-jaar",
  "verhuisd",
  "overig",
] as const;
export const Outcome = z.enum(OUTCOMES);
export type Outcome = z.infer<typeof Outcome>;

export const CaseStatus = z.enum(["open", "monitoring", "closed"]);
export type CaseStatus = z.infer<typeof CaseStatus>;

export const Member = z.strictObject({
  id: z.string().min(1),
  handle: z.string().min(1),
  role: Role,
  organisation: z.string().nullable(),
  addedAt: Instant,
});
export type Member = z.infer<typeof Member>;

export const Signal = z.strictObject({
  id: z.string(),
  kind: SignalKind,
  from: LocalDate,
  to: LocalDate,
  hours: z.number().nonnegative().nullable(),
  count: z.number().int().nonnegative().nullable(),
  school: z.string().nullable(),
  note: z.string().nullable(),
  origin: z.enum(["preventive", "statutory"]),
  raisedBy: z.string(),
  raisedAt: Instant,
  withdrawnAt: Instant.nullable(),
});
export type Signal = z.infer<typeof Signal>;

export const RegieChange = z.strictObject({
  holder: z.string().nullable(),
  at: Instant,
  by: z.string(),
});
export type RegieChange = z.infer<typeof RegieChange>;

export const ActionStatus = z.enum(["open", "done", "cancelled"]);
export type ActionStatus = z.infer<typeof ActionStatus>;

export const Action = z.strictObject({
  id: z.string(),
  caseId: z.string(),
  text: z.string(),
  owner: z.string(),
  due: LocalDate,
  status: ActionStatus,
  createdBy: z.string(),
  createdAt: Instant,
  closedAt: Instant.nullable(),
  closedBy: z.string().nullable(),
});
export type Action = z.infer<typeof Action>;

export const Decision = z.strictObject({
  id: z.string(),
  caseId: z.string(),
  text: z.string(),
  at: Instant,
  by: z.string(),
});
export type Decision = z.infer<typeof Decision>;

export const Case = z.strictObject({
  id: z.string(),
  pupilKey: z.string().nullable(),
  status: CaseStatus,
  outcome: Outcome.nullable(),
  legalBasis: LegalBasis.nullable(),
  note: z.string().nullable(),
  openedAt: Instant,
  openedBy: z.string(),
  closedAt: Instant.nullable(),
  regie: z.strictObject({ holder: z.string(), since: Instant }).nullable(),
  regieHistory: z.array(RegieChange),
  signals: z.array(Signal),
  /** PO, VO or MBO; null: the table's default. Sets the weekly lesson hours for the tier. */
  schoolType: SchoolType.nullable(),
  /** A newcomer's enrolment date, for the table's grace period. */
  enrolledOn: LocalDate.nullable(),
  /** Rule crossings already told to the table (`ruleId@schoolYearStart`), so each is told once. */
  notices: z.array(z.string()),
});
export type Case = z.infer<typeof Case>;

export const AuditEvent = z.strictObject({
  at: Instant,
  actor: z.string(),
  event: z.string(),
  caseId: z.string().nullable(),
  subject: z.string().nullable(),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

export const TableDoc = z.strictObject({
  schemaVersion: z.literal(SCHEMA_VERSION),
  table: z.strictObject({
    id: z.string().min(1),
    name: z.string().min(1),
    region: Region,
    language: Language,
    conversation: z.string().min(1),
    createdAt: Instant,
  }),
  counters: z.strictObject({
    case: z.number().int(),
    signal: z.number().int(),
    action: z.number().int(),
    decision: z.number().int(),
  }),
  members: z.array(Member),
  policy: PolicyOverrides,
  calendar: z.strictObject({
    holidays: z.array(z.strictObject({ from: LocalDate, to: LocalDate, name: z.string() })),
    freeDays: z.array(LocalDate),
  }),
  cases: z.array(Case),
  actions: z.array(Action),
  decisions: z.array(Decision),
  audit: z.array(AuditEvent),
});
export type TableDoc = z.infer<typeof TableDoc>;
