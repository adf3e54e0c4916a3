import { ROUTE_OF_STEP, SCHEMA_VERSION, type TableDoc } from "../core/model.ts";
import { toMemberIds } from "./member-ids.ts";
import { fitsSchema } from "./validate.ts";

/** Upgrades keyed by the version they start from; each returns the document one version up. */
export type Migrations = Record<number, (doc: Record<string, unknown>) => Record<string, unknown>>;

export const MIGRATIONS: Migrations = {
  /** v2: table policy and calendar overrides; per case school type, enrolment date and notices sent. */
  1: (doc) => ({
    ...doc,
    schemaVersion: 2,
    policy: {},
    calendar: { holidays: [], freeDays: [] },
    cases: (doc.cases as Record<string, unknown>[]).map((c) => ({
      ...c,
      schoolType: null,
      enrolledOn: null,
      notices: [],
    })),
  }),
  /** v3: meetings, the scheduler's outbox, review dates, interventions; actions and decisions know their meeting. */
  2: (doc) => ({
    ...doc,
    schemaVersion: 3,
    counters: { ...(doc.counters as object), meeting: 0, intervention: 0 },
    cases: (doc.cases as Record<string, unknown>[]).map((c) => ({
      ...c,
      reviewOn: null,
      interventions: [],
      purgedAt: null,
      summary: null,
    })),
    actions: (doc.actions as Record<string, unknown>[]).map((a) => ({ ...a, meetingId: null })),
    decisions: (doc.decisions as Record<string, unknown>[]).map((d) => ({ ...d, meetingId: null })),
    meetings: [],
    outbox: [],
    lastDigest: null,
    rulesCheckedOn: null,
    platform: {},
  }),
  /** v4: functions instead of sectors, BOA status, members kept when they leave, records refer to member ids; the DUO report on a case. */
  3: (doc) => ({ ...toMemberIds(doc), schemaVersion: 4 }),
  /** v5: a pupil's residence municipality and age band on the case; the municipalities a member serves. */
  4: (doc) => ({
    ...doc,
    schemaVersion: 5,
    members: (doc.members as Record<string, unknown>[]).map((m) => ({ ...m, municipalities: [] })),
    cases: (doc.cases as Record<string, unknown>[]).map((c) => ({ ...c, municipality: null, ageBand: null })),
  }),
  /** v6: the school layer (issue #28): schools, their absence figures, advice, system signals, preventive actions. */
  5: (doc) => ({
    ...doc,
    schemaVersion: 6,
    counters: { ...(doc.counters as object), advice: 0, systemSignal: 0, schoolEvent: 0 },
    schools: [],
    figures: [],
    advice: [],
    systemSignals: [],
    schoolEvents: [],
  }),
  /**
   * v7: the triage pipeline (issue #29): what the school did before a signal, investigations, a decision's route,
   * consultation hours and their waiting list. Nothing said before is made up: old signals say nothing of it.
   */
  6: (doc) => ({
    ...doc,
    schemaVersion: 7,
    counters: { ...(doc.counters as object), investigation: 0, slot: 0 },
    cases: (doc.cases as Record<string, unknown>[]).map((c) => ({
      ...c,
      investigations: [],
      signals: (c.signals as Record<string, unknown>[]).map((s) => ({
        ...s,
        schoolActions: null,
        pattern: null,
        early: [],
      })),
    })),
    decisions: (doc.decisions as Record<string, unknown>[]).map((d) => ({
      ...d,
      route: null,
      role: null,
      next: null,
    })),
    slots: [],
    waiting: [],
  }),
  /**
   * v8 (issue #31): an agreement's review date and the answers to it; a MAS step's route, civil path and OM outcome;
   * a case's MDOs and whether the pupil is at home through illness.
   */
  7: (doc) => ({
    ...doc,
    schemaVersion: 8,
    actions: (doc.actions as Record<string, unknown>[]).map((a) => ({ ...a, reviewOn: null, reviews: [] })),
    counters: { ...(doc.counters as object), mdo: 0 },
    cases: (doc.cases as Record<string, unknown>[]).map((c) => ({
      ...c,
      homeSick: null,
      mdos: [],
      interventions: (c.interventions as Record<string, unknown>[]).map((i) => ({
        ...i,
        // The route follows from the kind of step, so it is known for steps recorded before.
        route: ROUTE_OF_STEP.get(i.kind as string) ?? null,
        civilVia: null,
        om: null,
      })),
    })),
  }),
  /**
   * v9: the region (issue #30): a case handed to a doorbraaktafel, a decision beyond the existing frameworks; and a
   * school's own tier figures (issue #28), none delivered before.
   */
  8: (doc) => ({
    ...doc,
    schemaVersion: 9,
    figures: (doc.figures as Record<string, unknown>[]).map((f) => ({ ...f, tiers: null })),
    cases: (doc.cases as Record<string, unknown>[]).map((c) => ({ ...c, handedTo: null })),
    decisions: (doc.decisions as Record<string, unknown>[]).map((d) => ({ ...d, beyond: null })),
  }),
};

export class SchemaError extends Error {
  readonly code = "opslag-ongeldig";
}

export function versionOf(raw: unknown): number {
  const v = (raw as { schemaVersion?: unknown } | null)?.schemaVersion;
  return typeof v === "number" ? v : 0;
}

export function migrate(raw: unknown, migrations: Migrations = MIGRATIONS): TableDoc {
  let doc = raw as Record<string, unknown>;
  let version = versionOf(doc);
  if (version > SCHEMA_VERSION)
    throw new SchemaError(`document version ${version} is newer than this Tafel (${SCHEMA_VERSION})`);
  while (version < SCHEMA_VERSION) {
    const step = migrations[version];
    if (!step) throw new SchemaError(`no migration from version ${version}`);
    doc = step(doc);
    version = versionOf(doc);
  }
  // Checked, not copied: the schema has no defaults or transforms, so what passes is what was read, and a large
  // table is not held twice while it opens (zod's output of the whole would be a second copy of every case).
  if (!fitsSchema(doc)) throw new SchemaError(`table document does not match schema ${SCHEMA_VERSION}`);
  return doc as unknown as TableDoc;
}
