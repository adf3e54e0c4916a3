import { z } from "zod";
import { FUNCTIONS } from "./permissions.ts";
import { PolicyOverrides, SchoolType } from "./rules/policy.ts";

/** The document every table is persisted as. Validated on load; `schemaVersion` drives migrations. */
export const SCHEMA_VERSION = 9;

import {
  Advice,
  Instant,
  LocalDate,
  School,
  SchoolEvent,
  SchoolFigures,
  SystemSignal,
} from "./model-school.ts";
import { Investigation, Mdo, Review, Slot, Waiting } from "./model-triage.ts";
import { ABSENCE_PATTERNS, OFFICER_ROLES, PRIORITY_RULES, ROUTES, SCHOOL_ACTIONS } from "./protocol-lists.ts";

export * from "./model-school.ts";
export * from "./model-triage.ts";

/** A member's function at the table; what it may do is in `permissions.ts`. */
export const ROLES = FUNCTIONS;
export const Role = z.enum(FUNCTIONS);
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

/**
 * Records refer to a member by `id` (the platform's user id); the handle is only shown. A member who leaves
 * stays with `removedAt`, so the history still says who did what.
 */
export const Member = z.strictObject({
  id: z.string().min(1),
  handle: z.string().min(1),
  role: Role,
  /** A leerplichtambtenaar with BOA status (buitengewoon opsporingsambtenaar) may record a proces-verbaal. */
  boa: z.boolean(),
  organisation: z.string().nullable(),
  /** The municipalities a leerplichtambtenaar serves: a pupil living there is theirs by default (FR-03). */
  municipalities: z.array(z.string()),
  addedAt: Instant,
  removedAt: Instant.nullable(),
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
  /** FR-20 (schema 7): what the school already did, and how the absence shows; null where not said. */
  schoolActions: z.array(z.enum(SCHOOL_ACTIONS)).nullable(),
  pattern: z.enum(ABSENCE_PATTERNS).nullable(),
  /** The protocol's preconditions not met when it was sent: the table sees that it came early. */
  early: z.array(z.enum(SCHOOL_ACTIONS)),
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
  /** The meeting it was agreed in, if one was open. */
  meetingId: z.string().nullable(),
  /** Schema 8 (FR-23): the day the owner and regie are asked whether it worked, and their answers. */
  reviewOn: LocalDate.nullable(),
  reviews: z.array(Review),
});
export type Action = z.infer<typeof Action>;

export const Decision = z.strictObject({
  id: z.string(),
  caseId: z.string(),
  text: z.string(),
  at: Instant,
  by: z.string(),
  meetingId: z.string().nullable(),
  /** A triage (FR-22, schema 7): the route chosen, the officer's role, and who moves next (a member id). */
  route: z.enum(ROUTES).nullable(),
  role: z.enum(OFFICER_ROLES).nullable(),
  next: z.string().nullable(),
  /**
   * A doorbraak decision "buiten de bestaande kaders" [000 L273-302] (schema 9): recorded as such, with the mandate
   * or budget it relies on.
   */
  beyond: z.strictObject({ mandate: z.string().nullable(), budget: z.string().nullable() }).nullable(),
  /** Taken back (`besluit-intrekken`): when, by whom and why; the decision stays on record. */
  withdrawn: z.strictObject({ at: Instant, by: z.string(), reason: z.string() }).nullable(),
});
export type Decision = z.infer<typeof Decision>;

/** MAS route steps (domain.md §5.2): the conversation, enforcement, referral and the safety track. */
export const INTERVENTIONS = [
  "gesprek",
  "waarschuwing",
  "halt",
  "vrijwillige-hulp",
  "civiel",
  "pv",
  "lod",
  "veilig-thuis",
] as const;
/**
 * The MAS routes (domain.md §5.2, [004 L203-212], [003 L538]): R1 voluntary help through the wijkteam, R2 Halt, R3
 * the civil route, R4 a proces-verbaal, R5 the administrative route (last onder dwangsom); R6 is a combination.
 */
export const MAS_ROUTES = ["R1", "R2", "R3", "R4", "R5"] as const;
/** The step's route; a talk, a warning and a Veilig Thuis report belong to none. */
export const ROUTE_OF_STEP: ReadonlyMap<string, (typeof MAS_ROUTES)[number]> = new Map([
  ["vrijwillige-hulp", "R1"],
  ["halt", "R2"],
  ["civiel", "R3"],
  ["pv", "R4"],
  ["lod", "R5"],
] as const);
/** What the OM decides on a proces-verbaal [003 L1413, fn59]. */
export const OM_RESULTS = [
  "sepot",
  "halt",
  "taakstraf",
  "boete",
  "jeugdreclassering",
  "vrijspraak",
  "overig",
] as const;
export type OmResult = (typeof OM_RESULTS)[number];
/** Leerplichtwet art. 5 onder a, b, c (domain.md RPT-07). */
export const EXEMPTION_GROUNDS = ["5a", "5b", "5c"] as const;
export const AGE_BANDS = ["5-11", "12-15", "16-17", "18+"] as const;

export const Intervention = z.strictObject({
  id: z.string(),
  kind: z.enum(INTERVENTIONS),
  date: LocalDate,
  by: z.string(),
  at: Instant,
  ageBand: z.enum(AGE_BANDS).nullable(),
  /** Consent of the young person (and parents under 16) noted: required for Halt. */
  consent: z.boolean(),
  note: z.string().nullable(),
  /** Schema 8 (FR-31): the MAS route the step belongs to (R1–R5; R6, a combination, is counted per case). */
  route: z.enum(MAS_ROUTES).nullable(),
  /** A civil step: a JBT request through Veilig Thuis (drang) or a request to the Raad voor de Kinderbescherming (dwang). */
  civilVia: z.enum(["jbt", "rvdk"]).nullable(),
  /** A proces-verbaal: what the OM decided, once it did [003 L1413]. */
  om: z.strictObject({ result: z.enum(OM_RESULTS), on: LocalDate, by: z.string(), at: Instant }).nullable(),
});
export type Intervention = z.infer<typeof Intervention>;

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
  /** Where the pupil lives: that municipality's leerplichtambtenaar is competent (FR-03, [004 L90-93]). */
  municipality: z.string().nullable(),
  /** An age band, never a birth date: it sets the duty (volledig, kwalificatie, none) and Halt (TH-15). */
  ageBand: z.enum(AGE_BANDS).nullable(),
  /** Rule crossings already told to the table (`ruleId@schoolYearStart`), so each is told once. */
  notices: z.array(z.string()),
  /** The date the table wants to look at the case again; from then on it is on the agenda. */
  reviewOn: LocalDate.nullable(),
  interventions: z.array(Intervention),
  /** The officer's investigations of the case (FR-21, schema 7). */
  investigations: z.array(Investigation),
  /** An exemption from leerplicht on a legal ground, for a period (open-ended when `to` is null). */
  exemption: z
    .strictObject({
      ground: z.enum(EXEMPTION_GROUNDS),
      from: LocalDate,
      to: LocalDate.nullable(),
      by: z.string(),
      at: Instant,
    })
    .nullable(),
  /** MDOs held on the case (FR-41, schema 8). */
  mdos: z.array(Mdo),
  /** At home through illness (FR-32, schema 8): no legal task for leerplicht; JGZ and the samenwerkingsverband in view. */
  homeSick: z.strictObject({ since: LocalDate, by: z.string(), at: Instant }).nullable(),
  /** Marked stuck (doorbraak, domain.md SC-DB): why, when and by whom; first on the agenda until cleared. */
  stuck: z.strictObject({ reason: z.string(), at: Instant, by: z.string() }).nullable(),
  /**
   * Handed to the region's doorbraaktafel (FR-33, issue #30, schema 9): the case stays one case at its table, and
   * the doorbraaktafel's members join it there.
   */
  handedTo: z.strictObject({ tableId: z.string(), name: z.string(), at: Instant, by: z.string() }).nullable(),
  /** The school's verzuimmelding to DUO once the case was meldplichtig: the day it was made, and by whom. */
  duoReport: z.strictObject({ on: LocalDate, by: z.string(), at: Instant }).nullable(),
  /** When the retention period removed the pupil key, texts and signals; only the counts below remain. */
  purgedAt: Instant.nullable(),
  summary: z
    .strictObject({ signals: z.record(z.string(), z.number()), hours: z.number(), crossed: z.boolean() })
    .nullable(),
});
export type Case = z.infer<typeof Case>;

export const AGENDA_REASONS = [
  "vastgelopen",
  "nieuwe-signalen",
  "meldplichtig",
  "niet-gemeld",
  "laag-2",
  "laag-3",
  "verlopen-afspraken",
  "zonder-regie",
  "herzien",
  // Schema 7: the protocol's escalation rules put the case up (issue #29).
  "opschalen",
  // Schema 8: an agreement that did not work (FR-23, [004 L345-350]); on the last agenda and not discussed (FR-05).
  "werkt-niet",
  "niet-besproken",
] as const;
export const AgendaItem = z.strictObject({
  caseId: z.string(),
  reasons: z.array(z.enum(AGENDA_REASONS)),
  /** The protocol's priority rules the case met, which set its place (schema 7; absent on older agendas). */
  priority: z.array(z.enum(PRIORITY_RULES)).optional(),
});
export type AgendaItem = z.infer<typeof AgendaItem>;

export const Meeting = z.strictObject({
  id: z.string(),
  startedAt: Instant,
  startedBy: z.string(),
  endedAt: Instant.nullable(),
  agenda: z.array(AgendaItem),
});
export type Meeting = z.infer<typeof Meeting>;

/** A message the scheduler owes someone; the key makes it unique, the entry makes it durable. */
export const OutboxEntry = z.strictObject({
  key: z.string(),
  createdAt: Instant,
  sentAt: Instant.nullable(),
  failedAt: Instant.nullable(),
  attempts: z.number().int(),
  nextAttemptAt: Instant,
  lastError: z.string().nullable(),
  /** The message itself, as the core composed it (see core/reminders.ts). */
  message: z.looseObject({ kind: z.string() }),
});
export type OutboxEntry = z.infer<typeof OutboxEntry>;

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
    meeting: z.number().int(),
    intervention: z.number().int(),
    // Schema 6: the school layer's records.
    advice: z.number().int(),
    systemSignal: z.number().int(),
    schoolEvent: z.number().int(),
    // Schema 7: the triage pipeline's records.
    investigation: z.number().int(),
    slot: z.number().int(),
    // Schema 8.
    mdo: z.number().int(),
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
  meetings: z.array(Meeting),
  outbox: z.array(OutboxEntry),
  /** What the last weekly digest saw, so the next one can say what changed. */
  lastDigest: z
    .strictObject({
      date: LocalDate,
      statuses: z.record(z.string(), z.string()),
      tiers: z.record(z.string(), z.number()),
    })
    .nullable(),
  /** What a platform needs to reach this table later (Teams: its service URL, people's chats with the bot). */
  platform: z.record(z.string(), z.string()),
  /** The last school day on which the scheduler looked for crossings that time alone brought about. */
  rulesCheckedOn: LocalDate.nullable(),
  /** The schools the table serves, and their aggregated absence figures (schema 6). */
  schools: z.array(School),
  figures: z.array(SchoolFigures),
  advice: z.array(Advice),
  systemSignals: z.array(SystemSignal),
  schoolEvents: z.array(SchoolEvent),
  /** Consultation hours and the cases waiting for one, in the order they came (schema 7). */
  slots: z.array(Slot),
  waiting: z.array(Waiting),
  audit: z.array(AuditEvent),
});
export type TableDoc = z.infer<typeof TableDoc>;
