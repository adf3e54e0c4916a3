import { addDecision } from "../core/actions.ts";
import { type CaseQuery, matches } from "../core/case-query.ts";
import {
  closable,
  closeCase,
  findCase,
  monitorCase,
  openConsultation,
  type PupilTarget,
  raiseSignal,
  reopenCase,
  runningAbsence,
  type SignalInput,
} from "../core/cases.ts";
import { sameSignal } from "../core/duplicates.ts";
import { type ExemptionInput, recordExemption } from "../core/exemptions.ts";
import { schoolInternal, schoolKeepsRegie, seesCase, statutoryTask } from "../core/intake.ts";
import type { Case, Outcome, Signal, TableDoc } from "../core/model.ts";
import { may, refusal } from "../core/permissions.ts";
import type { Known } from "../core/privacy.ts";
import { missingPreconditions } from "../core/protocol.ts";
import { setRegie } from "../core/regie.ts";
import type { AgeBand } from "../core/residence.ts";
import { ask, fail, ok, type Question, type Result } from "../core/result.ts";
import { competentFor } from "../core/routing.ts";
import type { Evaluation } from "../core/rules/evaluate.ts";
import { auditCrossings, takeNotices } from "../core/rules/notices.ts";
import { dayHours, type SchoolType } from "../core/rules/policy.ts";
import { checkSignalDays } from "../core/rules/signal-days.ts";
import { schoolPolicies } from "../core/school-policy.ts";
import { checkSchoolRef } from "../core/schools.ts";
import { type Actor, activeMembers, findMember, nameOf } from "../core/table.ts";
import { type Act, act, type Deps, look } from "./context.ts";

export type PupilRefInput =
  | { kind: "number"; value: string }
  | { kind: "key"; key: string }
  | { kind: "case"; id: string };

export function caseIn(a: Act, id: string): Result<Case> {
  const c = findCase(a.doc, id);
  return c ? ok(c) : fail("casus-onbekend", { id });
}

/**
 * A case the acting member may see, with what the rules conclude about it today: a school's early flag that stays
 * within the school (FR-42) is refused to the others as such.
 */
export function visibleCase(a: Act, id: string): Result<{ case: Case; evaluation: Evaluation }> {
  const c = caseIn(a, id);
  if (!c.ok) return c;
  const rules = a.rules();
  const evaluation = rules.evaluate(c.value);
  if (!competentFor(a.region, a.me, c.value)) return fail("casus-andere-gemeente", { id });
  return seesCase(a.me, rules.policy.intakeMode, c.value, evaluation)
    ? ok({ case: c.value, evaluation })
    : fail("casus-school-intern", { id, mode: rules.policy.intakeMode });
}

export function makeCaseUseCases(deps: Deps) {
  return {
    /**
     * What the PII guard refuses in any field beyond the shapes of personal data: a number that is one of this
     * table's pupils (the keys are gathered on the first question only, unless the store gave them: a case's view
     * holds one case) and a member's name.
     */
    known(doc: TableDoc, pupilKeys?: ReadonlySet<string> | null): Known {
      let keys: ReadonlySet<string> | null = pupilKeys ?? null;
      return {
        pupil: (n) => {
          keys ??= new Set(doc.cases.flatMap((c) => (c.pupilKey ? [c.pupilKey] : [])));
          return keys.size > 0 && keys.has(deps.pseudonymizer.pupilKey(doc.table.id, n));
        },
        // `sanne.jgz` and `fatima_b`: the parts of a handle that can be a name (three letters or more).
        people: new Set(
          activeMembers(doc).flatMap((m) =>
            m.handle
              .toLocaleLowerCase("nl")
              .split(/[._-]/)
              .filter((p) => /^\p{L}{3,}$/u.test(p)),
          ),
        ),
      };
    },
    /** The raw pupil number is turned into its key here and goes no further. */
    raiseSignal(
      tableId: string,
      actorId: string,
      pupil: PupilRefInput,
      input: SignalInput,
      facts: { schoolType: SchoolType | null; municipality: string | null; ageBand: AgeBand | null } = {
        schoolType: null,
        municipality: null,
        ageBand: null,
      },
      confirmed = true,
    ) {
      const target: PupilTarget =
        pupil.kind === "case"
          ? { caseId: pupil.id }
          : {
              pupilKey: pupil.kind === "key" ? pupil.key : deps.pseudonymizer.pupilKey(tableId, pupil.value),
            };
      return act(deps, tableId, actorId, null, (a) => {
        // An unknown key is a typo, unless it is the yes to a question that named a new case by its key.
        if (pupil.kind === "key" && !confirmed && !a.doc.cases.some((c) => c.pupilKey === pupil.key))
          return fail("sleutel-onbekend", { key: pupil.key });
        const days = checkSignalDays(input, a.rules().cal, a.doc.calendar.freeDays, a.today);
        if (!days.ok) return days;
        const { policy } = a.rules();
        // `school=` names one of the table's schools once it records them (issue #28).
        const school = checkSchoolRef(a.doc, input.school);
        if (!school.ok) return school;
        const r = raiseSignal(
          a.doc,
          target,
          { ...input, school: school.value },
          a.me.id,
          a.at,
          a.today,
          (c) => dayHours(policy, facts.schoolType ?? c?.schoolType ?? policy.schoolType),
        );
        if (!r.ok) return r;
        // FR-20: the school's signal that opens a case is checked against the local protocol's preconditions.
        const early = protocolCheck(a, r.value, input, confirmed);
        if (early) return early;
        const twin = confirmed ? undefined : sameSignal(r.value.case, r.value.signal);
        if (twin) return ask({ ...signalFacts(a.doc, twin), case: r.value.case.id });
        if (r.value.created) a.audit("casus.geopend", r.value.case.id);
        if (r.value.reopened) a.audit("casus.heropend", r.value.case.id);
        a.audit("signaal.gemeld", r.value.case.id, r.value.signal.id);
        if (r.value.basisChanged) a.audit("casus.grondslag", r.value.case.id, r.value.case.legalBasis);
        if (facts.schoolType) r.value.case.schoolType = facts.schoolType;
        if (facts.municipality) r.value.case.municipality = facts.municipality;
        if (facts.ageBand) r.value.case.ageBand = facts.ageBand;
        const rules = a.rules();
        const evaluation = rules.evaluate(r.value.case);
        // FR-28: gathered in the preventive phase unless the law gives leerplicht a task with this signal (the
        // crossing one is the report itself); kept with the signal, as the phase it was gathered in never changes.
        r.value.signal.origin = statutoryTask(r.value.case, evaluation) ? "statutory" : "preventive";
        const schoolRegie =
          r.value.created && schoolKeepsRegie(rules.policy.intakeMode, r.value.case, evaluation, a.me);
        if (schoolRegie) {
          setRegie(r.value.case, a.me, a.me, a.at, (id) => nameOf(a.doc, id));
          a.audit("regie.toegewezen", r.value.case.id, a.me.id);
        }
        const notices = takeNotices(r.value.case, evaluation, rules.cal, a.today, rules.policy.intakeMode);
        auditCrossings(a.doc, notices, a.at);
        const internal = schoolInternal(rules.policy.intakeMode, r.value.case, evaluation);
        return ok({ ...r.value, doc: a.doc, evaluation, notices, schoolRegie, internal });
      });
    },

    consult(tableId: string, actorId: string, note: string | null) {
      return act(deps, tableId, actorId, null, (a) => {
        const c = openConsultation(a.doc, note, a.me.id, a.at);
        a.audit("casus.geopend", c.id, "anoniem");
        return ok(c);
      });
    },

    /** Every look at a case card is audited: who saw which pupil's case, and when. */
    view(tableId: string, actorId: string, caseId: string) {
      return look(deps, tableId, actorId, null, (a) => {
        const v = visibleCase(a, caseId);
        if (!v.ok) return v;
        a.audit("casus.bekeken", caseId);
        return ok({ ...v.value, doc: a.doc });
      });
    },

    /** `atTurn`: the person named; `mine`: the reader's own cases (`mijn`); `label`: what was typed, for the audit. */
    list(
      tableId: string,
      actorId: string,
      query: Omit<CaseQuery, "atTurn" | "involved"> & { atTurn: Actor | null; mine: boolean },
      label: string,
    ) {
      return look(deps, tableId, actorId, null, (a) => {
        const who = query.atTurn === null ? null : findMember(a.doc, query.atTurn);
        if (who && !who.ok) return who;
        const atTurn = who?.value.id ?? null;
        const involved = query.mine ? a.me.id : null;
        const rules = a.rules();
        const found = a.doc.cases
          .map((c) => ({ case: c, evaluation: rules.evaluate(c) }))
          .filter(
            ({ case: c, evaluation }) =>
              seesCase(a.me, rules.policy.intakeMode, c, evaluation) &&
              matches(a.doc, c, evaluation, { ...query, atTurn, involved }),
          );
        // Cases of another office's competence are named, without content (§7.10).
        const cases: typeof found = [];
        const elsewhere: string[] = [];
        for (const x of found)
          if (competentFor(a.region, a.me, x.case)) cases.push(x);
          else elsewhere.push(x.case.id);
        a.audit("casussen.bekeken", null, label);
        return ok({ cases, elsewhere, doc: a.doc });
      });
    },

    /** The case of a pupil at this table, found by the keyed pseudonym of their number; the number goes no further. */
    find(tableId: string, actorId: string, pupil: PupilRefInput) {
      return look(deps, tableId, actorId, null, (a) => {
        const key =
          pupil.kind === "number"
            ? deps.pseudonymizer.pupilKey(tableId, pupil.value)
            : pupil.kind === "key"
              ? pupil.key
              : null;
        const found = a.doc.cases.find((x) =>
          pupil.kind === "case" ? x.id === pupil.id : x.pupilKey === key,
        );
        const rules = a.rules();
        const evaluation = found && rules.evaluate(found);
        // A school's early flag stays within the school (FR-42): for whoever may not see it, there is none.
        const c =
          found &&
          evaluation &&
          seesCase(a.me, rules.policy.intakeMode, found, evaluation) &&
          competentFor(a.region, a.me, found)
            ? found
            : undefined;
        // A search that finds nothing is audited too: it was a search for a pupil.
        a.audit("casus.gezocht", c?.id ?? null);
        return ok(c && evaluation ? { case: c, doc: a.doc, evaluation } : null);
      });
    },

    /**
     * Unconfirmed, it says what closing would leave behind and changes nothing. While the absence still runs
     * (TH-16) it needs a reason, which is kept as a decision on the case.
     */
    close(
      tableId: string,
      actorId: string,
      caseId: string,
      outcome: Outcome,
      confirmed = true,
      reason: string | null = null,
      exemption: ExemptionInput | null = null,
    ) {
      return direct(
        tableId,
        actorId,
        caseId,
        (a, c) => {
          const can = closable(a.doc, c);
          if (!can.ok) return can;
          // An outcome `vrijstelling` is an exemption on record, else a later signal would find the pupil unexempted.
          if (exemption && outcome !== "vrijstelling") return fail("grond-zonder-vrijstelling");
          if (outcome === "vrijstelling" && !exemption && c.exemption === null)
            return fail("vrijstelling-nodig", { id: c.id });
          if (exemption && !may(a.me, "vrijstelling-vastleggen"))
            return refusal(a.me, "vrijstelling-vastleggen");
          const { cal, policy } = a.rules();
          // An exemption ends the duty, so no absence runs on (TH-16: closed when it stopped or an exemption came).
          const runs =
            outcome === "vrijstelling" ? null : runningAbsence(c, cal, a.today, policy.closeQuietDays);
          if (runs && !reason)
            return fail("verzuim-loopt", { id: c.id, last: runs, days: policy.closeQuietDays });
          if (!confirmed)
            return ask({
              case: c.id,
              outcome: `outcome.${outcome}`,
              signals: c.signals.filter((s) => s.withdrawnAt === null).length,
              regie: c.regie ? nameOf(a.doc, c.regie.holder) : "",
            });
          if (exemption) {
            const r = recordExemption(c, exemption, a.me.id, a.at);
            if (!r.ok) return r;
            a.audit(
              "casus.vrijstelling",
              c.id,
              `${exemption.ground} ${exemption.from}..${exemption.to ?? ""}`,
            );
          }
          if (runs && reason) {
            const d = addDecision(a.doc, c, reason, a.me.id, a.at);
            if (!d.ok) return d;
            a.audit("besluit.vastgelegd", c.id, d.value.id);
          }
          return closeCase(a.doc, c, outcome, a.at);
        },
        "casus.gesloten",
        outcome,
      );
    },

    reopen(tableId: string, actorId: string, caseId: string) {
      return direct(tableId, actorId, caseId, (_, c) => reopenCase(c), "casus.heropend");
    },

    monitor(tableId: string, actorId: string, caseId: string) {
      return direct(tableId, actorId, caseId, (_, c) => monitorCase(c), "casus.gevolgd");
    },
  };

  /** A change of a case's course, for those who direct it, audited when it happens. */
  function direct(
    tableId: string,
    actorId: string,
    caseId: string,
    change: (a: Act, c: Case) => Result<Case>,
    event: string,
    subject: string | null = null,
  ) {
    return act(deps, tableId, actorId, null, (a) => {
      const c = caseIn(a, caseId);
      if (!c.ok) return c;
      if (!mayDirect(a, c.value)) return fail("alleen-regie-of-voorzitter", { id: caseId });
      const r = change(a, c.value);
      if (r.ok) a.audit(event, caseId, subject);
      return r;
    });
  }
}

/**
 * FR-20 against the local protocol (issue #29 item 2): where it names preconditions, a school's signal of concern
 * below the threshold that opens a case says what the school did and how the absence shows; when a precondition is
 * not met, the sender is asked first, and a signal sent anyway records that it came early. A report the law demands
 * (the threshold, absolute absence, a thuiszitter) is never held back by a local rule.
 */
function protocolCheck(
  a: Act,
  r: { case: Case; signal: Signal; created: boolean; reopened: boolean },
  input: SignalInput,
  confirmed: boolean,
): Result<never> | Question | null {
  const { case: c, signal } = r;
  if (!(r.created || r.reopened) || !CONCERN_KINDS.has(signal.kind) || !may(a.me, "schoolregie")) return null;
  const rules = a.rules();
  const policy = schoolPolicies(a.doc, rules.policy)(signal.school);
  if (policy.preconditions.length === 0 || statutoryTask(c, rules.evaluate(c))) return null;
  const fields = [input.schoolActions == null ? "gedaan=" : "", input.pattern == null ? "patroon=" : ""];
  if (fields.some(Boolean)) return fail("signaal-protocol", { fields: fields.filter(Boolean).join(", ") });
  const missing = missingPreconditions(policy, input.schoolActions ?? []);
  if (missing.length === 0) return null;
  if (!confirmed)
    // A new case has no id yet: the yes-line names the pupil by key, never by number (dispatch's yesLine).
    return ask({
      about: "vroeg",
      required: policy.preconditions.join(","),
      missing: missing.join(","),
      case: r.created ? (c.pupilKey as string) : c.id,
    });
  signal.early = missing;
  return null;
}

/** A school's signal of concern (zorgelijk verzuim): unauthorised absence or lateness. */
const CONCERN_KINDS: ReadonlySet<Signal["kind"]> = new Set(["ongeoorloofd", "te-laat"]);

/** A signal as a question names it: which, whose, what and when. */
export function signalFacts(doc: TableDoc, s: Signal) {
  return {
    signal: s.id,
    by: nameOf(doc, s.raisedBy),
    kind: s.kind,
    ...((s.hours ?? s.count) === null ? {} : { amount: (s.hours ?? s.count) as number }),
    from: s.from,
    to: s.to,
  };
}

/** Closing, reopening and monitoring: who may steer cases, and the case's regie holder. */
const mayDirect = (a: Act, c: Case) => may(a.me, "casus-sturen") || c.regie?.holder === a.me.id;
