import { atTurnOf } from "./case-query.ts";
import { actionsOfCase, decisionsOfCase } from "./case-records.ts";
import type { Case, TableDoc } from "./model.ts";
import type { RegionDoc } from "./model-region.ts";
import { LEGACY_ROLE } from "./permissions.ts";
import { PROTOCOL_FIELDS } from "./protocol.ts";
import { isShared, ownRegion, policyIn } from "./region.ts";
import { dutyOf } from "./residence.ts";
import { activeMembers, nameOf } from "./table.ts";

/**
 * The `export` JSON, read by other systems and audits: versioned on its own, apart from the store's
 * schemaVersion, so the store can change shape without breaking readers. Add fields; never rename or remove:
 * a reader of version 1 reads version 2 as it was. Version 2 added the table's intake mode, a member's
 * municipalities, and per case the residence municipality, age band, duty and whose move it is ("aan zet").
 * Version 3 added per trigger its `legalStatus` and `authorisedAbsence` (a sickness rule is no legal report duty),
 * and a signal's `origin` now says the phase it was gathered in: `preventive` below the threshold or under
 * consent or a consult, `statutory` once the law gave leerplicht a task (FR-28); and the school layer: `schools`,
 * their aggregated `figures`, and leerplicht's `advice`, `systemSignals` and `schoolEvents`. Version 4 added the
 * triage pipeline (issue #29): the table's local `protocol`, a signal's `schoolActions`, `pattern` and `early`, a
 * decision's `route`, `role` and `next`, per case its `investigations`, and the consultation hours (`slots`, with
 * their bookings by case) and the `waiting` list. Version 5 added follow-through (issue #31): an agreement's
 * `reviewOn` and `reviews`, a MAS step's `route`, `civilVia` and `om` outcome, and a case's `homeSick` and `mdos`.
 * Version 6 added the region (issue #30): `region` with its municipalities' offices, shared policy and tables, a
 * case's `handedTo` doorbraaktafel, and a decision's `beyond` (outside the existing frameworks); and a figures
 * row's `tiers`, the school's own tier picture where it delivered one (issue #28).
 */
export const EXPORT_SCHEMA_VERSION = 6;

export function exportTable(doc: TableDoc, exportedAt: string, region: RegionDoc | null = null) {
  return { ...exportHead(doc, exportedAt, region), cases: doc.cases.map((c) => exportCase(doc, c)) };
}

/** The export without its cases, which come last: a large table's export is made a case at a time. */
export function exportHead(doc: TableDoc, exportedAt: string, shared: RegionDoc | null = null) {
  const region = shared ?? ownRegion(doc);
  const policy = policyIn(region, doc.policy);
  return {
    schemaVersion: EXPORT_SCHEMA_VERSION,
    exportedAt,
    table: {
      id: doc.table.id,
      name: doc.table.name,
      // The holiday region the table's calendar follows: its region's.
      region: region.holidays,
      language: doc.table.language,
      intakeMode: policy.intakeMode,
      // Version 4: the local protocol's answers [003 L1183-1189].
      protocol: Object.fromEntries(PROTOCOL_FIELDS.map((k) => [k, policy[k]])),
    },
    // Version 6: the region the table belongs to (`own`: a region of its own, sharing nothing).
    regionProfile: {
      id: region.id,
      name: region.name,
      own: !isShared(region, doc),
      holidays: region.holidays,
      municipalities: region.municipalities,
      rmc: region.rmc,
      officerTitle: region.officerTitle,
      policy: region.policy,
      fixed: region.fixed,
      doorbraak: region.doorbraak,
      jbt: region.jbt,
      tables: region.tables,
    },
    // `role` keeps export v1's sector words for its readers; `function` and `boa` were added with schema 4.
    members: activeMembers(doc).map((m) => ({
      handle: m.handle,
      role: LEGACY_ROLE[m.role],
      organisation: m.organisation,
      function: m.role,
      boa: m.boa,
      municipalities: m.municipalities,
    })),
    // Version 3: the schools the table serves, their contacts by handle (issue #28).
    schools: doc.schools.map((school) => ({
      code: school.code,
      name: school.name,
      kind: school.kind,
      yearGroups: school.yearGroups,
      municipality: school.municipality,
      contact: school.contact === null ? null : nameOf(doc, school.contact),
      officer: school.officer === null ? null : nameOf(doc, school.officer),
      policy: school.policy,
    })),
    // The school layer's records: aggregated figures and leerplicht's school-level work, never a pupil.
    figures: doc.figures.map(({ importedBy, ...f }) => ({ ...f, importedBy: nameOf(doc, importedBy) })),
    advice: doc.advice.map((a) => ({ ...a, by: nameOf(doc, a.by) })),
    systemSignals: doc.systemSignals.map((x) => ({ ...x, by: nameOf(doc, x.by) })),
    schoolEvents: doc.schoolEvents.map((e) => ({ ...e, by: nameOf(doc, e.by) })),
    // Version 4: consultation hours and who waits for one, by case id.
    slots: doc.slots.map((s) => ({
      ...s,
      host: nameOf(doc, s.host),
      bookings: s.bookings.map((b) => ({
        ...b,
        by: nameOf(doc, b.by),
        outcome: b.outcome ? { ...b.outcome, by: nameOf(doc, b.outcome.by) } : null,
      })),
    })),
    waiting: doc.waiting.map((w) => ({ ...w, by: nameOf(doc, w.by) })),
  };
}

/** One case as the export holds it. */
export function exportCase(doc: TableDoc, c: Case) {
  // Records hold member ids; the export names people by handle, as v1 did.
  const name = (id: string) => nameOf(doc, id);
  return {
    id: c.id,
    pupilKey: c.pupilKey,
    // The case's own note (an anonymous consult's question): the export holds everything the table does.
    note: c.note,
    status: c.status,
    outcome: c.outcome,
    legalBasis: c.legalBasis,
    openedAt: c.openedAt,
    closedAt: c.closedAt,
    regie: c.regie ? { holder: name(c.regie.holder), since: c.regie.since } : null,
    municipality: c.municipality,
    ageBand: c.ageBand,
    duty: dutyOf(c.ageBand),
    atTurn: atTurn(doc, c),
    regieHistory: c.regieHistory.map((h) => ({
      holder: h.holder === null ? null : name(h.holder),
      at: h.at,
      by: name(h.by),
    })),
    signals: c.signals.map((s) => ({
      id: s.id,
      kind: s.kind,
      ...(s.from === s.to ? { date: s.from } : { from: s.from, to: s.to }),
      ...(s.hours !== null ? { hours: s.hours } : {}),
      ...(s.count !== null ? { count: s.count } : {}),
      school: s.school,
      note: s.note,
      origin: s.origin,
      schoolActions: s.schoolActions,
      pattern: s.pattern,
      early: s.early,
      raisedBy: name(s.raisedBy),
      raisedAt: s.raisedAt,
      withdrawn: s.withdrawnAt !== null,
    })),
    actions: actionsOfCase(doc, c.id).map((a) => ({
      id: a.id,
      text: a.text,
      owner: name(a.owner),
      due: a.due,
      status: a.status,
      createdAt: a.createdAt,
      closedAt: a.closedAt,
      reviewOn: a.reviewOn,
      reviews: a.reviews.map((r) => ({ ...r, by: name(r.by) })),
    })),
    decisions: decisionsOfCase(doc, c.id).map((d) => ({
      id: d.id,
      text: d.text,
      at: d.at,
      by: name(d.by),
      route: d.route,
      role: d.role,
      next: d.next === null ? null : name(d.next),
      beyond: d.beyond,
      // Added with store schema 4: a decision taken back stays, with when, who and why.
      withdrawn: d.withdrawn
        ? { at: d.withdrawn.at, by: name(d.withdrawn.by), reason: d.withdrawn.reason }
        : null,
    })),
    duoReport: c.duoReport ? { on: c.duoReport.on, by: name(c.duoReport.by) } : null,
    handedTo: c.handedTo ? { table: c.handedTo.name, at: c.handedTo.at, by: name(c.handedTo.by) } : null,
    exemption: c.exemption
      ? { ground: c.exemption.ground, from: c.exemption.from, to: c.exemption.to, by: name(c.exemption.by) }
      : null,
    investigations: c.investigations.map((i) => ({
      id: i.id,
      officer: name(i.officer),
      due: i.due,
      openedBy: name(i.openedBy),
      openedAt: i.openedAt,
      origin: i.origin,
      finding: i.finding ? { ...i.finding, by: name(i.finding.by) } : null,
    })),
    interventions: c.interventions.map((i) => ({
      id: i.id,
      kind: i.kind,
      date: i.date,
      by: name(i.by),
      ageBand: i.ageBand,
      consent: i.consent,
      route: i.route,
      civilVia: i.civilVia,
      om: i.om ? { result: i.om.result, on: i.om.on, by: name(i.om.by) } : null,
    })),
    homeSick: c.homeSick ? { since: c.homeSick.since, by: name(c.homeSick.by) } : null,
    mdos: c.mdos.map((m) => ({ ...m, by: name(m.by) })),
  };
}

/** Whose move it is on an open case: the owner of the earliest open agreement, else the regie holder (handles). */
function atTurn(doc: TableDoc, c: Case): string | null {
  if (c.status === "closed") return null;
  const turn = atTurnOf(doc, c);
  return turn ? nameOf(doc, turn.member) : null;
}
