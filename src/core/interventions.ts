import { exemptOn } from "./exemptions.ts";
import {
  type Case,
  type INTERVENTIONS,
  type Intervention,
  type Investigation,
  type Member,
  ROUTE_OF_STEP,
  type Signal,
  type TableDoc,
} from "./model.ts";
import { may, refusal } from "./permissions.ts";
import { type AgeBand, dutyOf } from "./residence.ts";
import { fail, ok, type Result } from "./result.ts";

export type InterventionKind = (typeof INTERVENTIONS)[number];

/** Enforcement: steps the law allows only where leerplicht has a legal task (domain.md PR-02, PR-17, §5). */
const ENFORCEMENT: ReadonlySet<InterventionKind> = new Set(["waarschuwing", "halt", "civiel", "pv", "lod"]);

/**
 * The signals a MAS enforcement step would rest on when every one of them was gathered in the preventive phase
 * (below the threshold, or under consent or a consult): whether such information may be reused for enforcement is
 * an open legal question [003 L921] (FR-28), so the step asks first and names them. Empty when the step is no
 * enforcement or a signal came with a legal task.
 */
export function preventiveBasis(c: Case, kind: InterventionKind): Array<Signal | Investigation> {
  if (!ENFORCEMENT.has(kind)) return [];
  const active = c.signals.filter((s) => s.withdrawnAt === null);
  if (active.length === 0 || !active.every((s) => s.origin === "preventive")) return [];
  // What the officer's investigation found in that phase is preventive information too (issue #29 item 7).
  return [...active, ...c.investigations.filter((i) => i.origin === "preventive")];
}

/** The steps of the MAS route that come before a proces-verbaal. */
const EARLIER_STEPS: ReadonlySet<InterventionKind> = new Set(["gesprek", "waarschuwing", "halt"]);

/**
 * A step of the MAS route on a case (domain.md §5.2). Enforcement and referral are the compulsory-education
 * officer's (`handhaven`); a proces-verbaal needs BOA status as well. Halt is for young people of 12 and over, and only
 * with their (and under 16 their parents') consent noted [003 L1419].
 */
export function addIntervention(
  doc: TableDoc,
  c: Case,
  me: Member,
  input: {
    kind: InterventionKind;
    date: string;
    ageBand: AgeBand | null;
    consent: boolean;
    note: string | null;
    civilVia?: "jbt" | "rvdk" | null;
  },
  at: string,
  today: string,
): Result<Intervention> {
  if (!may(me, "handhaven")) return refusal(me, "handhaven");
  if (c.pupilKey === null) return fail("interventie-anoniem", { id: c.id });
  if (input.date > today) return fail("datum-in-toekomst");
  // Exempted: no enforcement; under 5c (schooling abroad) leerplicht may officially do nothing (PR-17).
  if (exemptOn(c, input.date) && (c.exemption?.ground === "5c" || ENFORCEMENT.has(input.kind)))
    return fail("vrijgesteld", { id: c.id, ground: `exemption.${c.exemption?.ground}` });
  // Without registered unauthorised or absolute absence leerplicht has no legal task: it may think along, not enforce.
  if (
    ENFORCEMENT.has(input.kind) &&
    c.legalBasis !== "ongeoorloofd-verzuim" &&
    c.legalBasis !== "absoluut-verzuim"
  )
    return fail("geen-wettelijke-taak", { id: c.id, kind: `intervention.${input.kind}` });
  if (input.kind === "pv" && !may(me, "proces-verbaal")) return refusal(me, "proces-verbaal");
  // The MAS route in order (domain.md §5.2, source 003 L1470): a PV follows a talk, a warning or Halt, or
  // says in its note why they were skipped.
  if (
    input.kind === "pv" &&
    input.note === null &&
    !c.interventions.some((i) => EARLIER_STEPS.has(i.kind) && i.date <= input.date)
  )
    return fail("pv-zonder-route", { id: c.id });
  // The age given with the step, else the pupil's (`leerling C-n leeftijd=…`).
  const ageBand = input.ageBand ?? c.ageBand;
  // From 18 there is no compulsory education left to enforce (TH-15); the Doorstroompunt takes over.
  if (ENFORCEMENT.has(input.kind) && dutyOf(ageBand) === "geen")
    return fail("geen-leerplicht-meer", { id: c.id });
  if (input.kind === "halt") {
    // Halt is for young people of 12 up to 18 [003 L1419].
    if (ageBand !== "12-15" && ageBand !== "16-17") return fail("halt-leeftijd");
    if (!input.consent) return fail("halt-toestemming");
  }
  // The civil route is a JBT request through Veilig Thuis, or a request to the RvdK: which one is the record (FR-31).
  if (input.kind === "civiel" && !input.civilVia) return fail("civiel-via", { id: c.id });
  doc.counters.intervention++;
  const intervention: Intervention = {
    id: `I-${doc.counters.intervention}`,
    kind: input.kind,
    date: input.date,
    by: me.id,
    at,
    ageBand,
    consent: input.consent,
    note: input.note,
    route: ROUTE_OF_STEP.get(input.kind) ?? null,
    civilVia: input.kind === "civiel" ? (input.civilVia ?? null) : null,
    om: null,
  };
  c.interventions.push(intervention);
  return ok(intervention);
}
