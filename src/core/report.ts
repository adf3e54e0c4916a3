import { dayNumber } from "./calendar/days.ts";
import { localDate } from "./dates.ts";
import { type Case, INTERVENTIONS, MAS_ROUTES, OUTCOMES, type TableDoc } from "./model.ts";
import { ROUTES, type Route, SLOT_RESULTS } from "./protocol-lists.ts";
import { crossedThreshold } from "./retention.ts";

/** The four process types of the annual leerplicht report (domain.md RPT-01). */
export const PROCESS_TYPES = ["relatief", "absoluut", "zorg", "vrijstelling"] as const;
export type ProcessType = (typeof PROCESS_TYPES)[number];

export function processType(c: Case): ProcessType {
  if (c.legalBasis === "ongeoorloofd-verzuim") return "relatief";
  if (c.legalBasis === "absoluut-verzuim") return "absoluut";
  if (c.legalBasis === "vrijstelling") return "vrijstelling";
  return "zorg";
}

export interface SchoolYear {
  label: string;
  from: string;
  to: string;
}

/** `2025-2026` runs from 1 August 2025 to 31 July 2026, as the leerplicht reports count. */
export function schoolYear(label: string): SchoolYear | null {
  const m = /^(\d{4})-(\d{4})$/.exec(label);
  if (!m || Number(m[2]) !== Number(m[1]) + 1) return null;
  return { label, from: `${m[1]}-08-01`, to: `${m[2]}-07-31` };
}

export const schoolYearOf = (date: string) => {
  const y = Number(date.slice(0, 4));
  return date.slice(5) >= "08-01" ? `${y}-${y + 1}` : `${y - 1}-${y}`;
};

const count = <K extends string>(keys: readonly K[]): Record<K, number> =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** An anonymous consultation: no pupil and no legal basis (a purge removes the key but keeps the basis). */
const isConsult = (c: Case) => c.pupilKey === null && c.legalBasis === null;

const isThuiszitter = (c: Case) =>
  c.signals.some((s) => s.kind === "thuiszitter") || (c.summary?.signals.thuiszitter ?? 0) > 0;

/** The figures of one school year (domain.md RPT-01..07, 09, 10), before any suppression. */
export function annualFigures(doc: TableDoc, year: SchoolYear) {
  const inYear = (instant: string | null) =>
    instant !== null && localDate(new Date(instant)) >= year.from && localDate(new Date(instant)) <= year.to;
  const opened = doc.cases.filter((c) => inYear(c.openedAt));
  const closed = doc.cases.filter((c) => c.status === "closed" && inYear(c.closedAt));
  const processes = count(PROCESS_TYPES);
  const schoolTypes = count(["po", "vo", "mbo", "onbekend"] as const);
  for (const c of opened) {
    processes[processType(c)]++;
    // An anonymous consult has no known school type unless one was given: it is not counted as VO.
    schoolTypes[c.schoolType ?? (isConsult(c) ? "onbekend" : (doc.policy.schoolType ?? "vo"))]++;
  }
  const outflow = count(OUTCOMES);
  for (const c of closed) if (c.outcome) outflow[c.outcome]++;
  const interventions = count(INTERVENTIONS);
  for (const c of doc.cases)
    for (const i of c.interventions) if (i.date >= year.from && i.date <= year.to) interventions[i.kind]++;
  const thuiszitters = { ...count(OUTCOMES), lopend: 0 };
  for (const c of opened.filter(isThuiszitter)) thuiszitters[c.outcome ?? "lopend"]++;
  const relatief = opened.filter((c) => processType(c) === "relatief");
  const inYearExempt = (ground: string) =>
    doc.cases.filter(
      (c) => c.exemption?.ground === ground && c.exemption.from >= year.from && c.exemption.from <= year.to,
    ).length;
  return {
    year,
    total: opened.length,
    processes,
    schoolTypes,
    outflow,
    interventions,
    thuiszitters,
    /** Exemptions that began this school year, by legal ground (RPT-07). */
    exemptions: {
      "5a": inYearExempt("5a"),
      "5b": inYearExempt("5b"),
      "5c": inYearExempt("5c"),
    },
    /**
     * The leerplichttelling counts what OCW asks (RPT-09): reported relative absence that reached the threshold,
     * and absolute absence. Relative absence reported below the threshold is "overig verzuim", shown apart.
     */
    telling: { relatief: relatief.filter(crossedThreshold).length, absoluut: processes.absoluut },
    /**
     * Leerplicht's work at school level (issue #28, FR-12/13/44), counted beside the case work: advice given,
     * preventive actions by kind, and the system signals raised. No pupil in any: shown as counted.
     */
    schoolWork: {
      advice: doc.advice.filter((a) => inYear(a.at)).length,
      poortactie: doc.schoolEvents.filter(
        (e) => e.kind === "poortactie" && e.date >= year.from && e.date <= year.to,
      ).length,
      luxe: doc.schoolEvents.filter(
        (e) => e.kind === "luxe-verzuimactie" && e.date >= year.from && e.date <= year.to,
      ).length,
      voorlichting: doc.schoolEvents.filter(
        (e) => e.kind === "voorlichting" && e.date >= year.from && e.date <= year.to,
      ).length,
      systemSignals: doc.systemSignals.filter((s) => inYear(s.at)).length,
    },
    ...triageFigures(doc, year, inYear),
    /** Work below the legal threshold (RPT-10): relatief processes never meldplichtig (overig verzuim), anonymous consultations, meetings. */
    belowThreshold: {
      processes: relatief.filter((c) => !crossedThreshold(c)).length,
      consultations: opened.filter(isConsult).length,
      meetings: doc.meetings.filter((m) => inYear(m.startedAt)).length,
    },
  };
}
export type AnnualFigures = ReturnType<typeof annualFigures>;

/**
 * The triage pipeline's year (issue #29): cases by the route of their triage, consultation hours held with their
 * places and outcomes, and how long cases placed from the waiting list waited (FR-22, FR-24).
 */
function triageFigures(doc: TableDoc, year: SchoolYear, inYear: (instant: string | null) => boolean) {
  // The MAS route mix (FR-31): steps by route; a case on two routes or more in the year is a combination (R6).
  const masRoutes = count(MAS_ROUTES);
  let combined = 0;
  for (const c of doc.cases) {
    const routes = new Set(
      c.interventions
        .filter((i) => i.route !== null && i.date >= year.from && i.date <= year.to)
        .map((i) => i.route),
    );
    for (const r of routes) if (r) masRoutes[r]++;
    if (routes.size >= 2) combined++;
  }
  // At home through illness (FR-32), apart from the thuiszitters: cases marked in the year.
  const homeSick = new Set(
    doc.audit.filter((e) => e.event === "casus.thuis-ziek" && inYear(e.at)).map((e) => e.caseId),
  ).size;
  const routes = count(ROUTES);
  const triaged = new Map<string, Route>();
  for (const d of doc.decisions)
    if (d.route !== null && d.withdrawn === null && inYear(d.at)) triaged.set(d.caseId, d.route);
  for (const route of triaged.values()) routes[route]++;
  const held = doc.slots.filter((s) => s.date >= year.from && s.date <= year.to);
  const outcomes = { ...count(SLOT_RESULTS), open: 0 };
  const waited: number[] = [];
  for (const s of held)
    for (const b of s.bookings) {
      outcomes[b.outcome?.result ?? "open"]++;
      if (b.waitedSince)
        waited.push(dayNumber(localDate(new Date(b.at))) - dayNumber(localDate(new Date(b.waitedSince))));
    }
  return {
    routes,
    masRoutes,
    masCombined: combined,
    homeSick,
    consultation: {
      outcomes,
      slots: held.length,
      places: held.reduce((n, s) => n + s.capacity, 0),
      /** Mean days from the waiting list to a place, rounded; null when nobody waited. */
      waitedDays: waited.length ? Math.round(waited.reduce((a, b) => a + b, 0) / waited.length) : null,
      waitingNow: doc.waiting.length,
    },
  };
}
