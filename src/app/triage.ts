import { schoolDaysOn } from "../core/calendar/school-days.ts";
import { openInvestigation, recordFinding } from "../core/investigation.ts";
import type { Finding, Member } from "../core/model.ts";
import { priorityReasons } from "../core/priority.ts";
import type { Route, SlotResult } from "../core/protocol-lists.ts";
import { competentOfficer } from "../core/residence.ts";
import { ok } from "../core/result.ts";
import { schoolOfCase, schoolPolicies } from "../core/school-policy.ts";
import {
  bookCase,
  fillFromWaiting,
  publishSlot,
  type SlotInput,
  slotOutcome,
  waitingInOrder,
} from "../core/slots.ts";
import { type Actor, findMember } from "../core/table.ts";
import { recordTriage, type TriageInput } from "../core/triage.ts";
import { visibleCase } from "./cases.ts";
import { type Act, act, type Deps, look } from "./context.ts";

/** The waiting list in the order it is served, each with the priority rules that put it there. */
function waitingList(a: Act) {
  const rules = a.rules();
  return waitingInOrder(a.doc, rules.policy.priority, (caseId) => {
    const c = a.doc.cases.find((x) => x.id === caseId);
    return c ? priorityReasons(rules.policy.priority, c, rules.evaluate(c), a.today) : [];
  });
}

/**
 * The triage pipeline (issue #29): the officer's investigation, the table's triage, the consultation hours and
 * their waiting list. Each refuses what the protocol, the intake mode and the permissions table refuse.
 */
export function makeTriageUseCases(deps: Deps) {
  return {
    /** `onderzoek C-n`: for the officer named, or the competent one; due after the protocol's term unless given. */
    investigate(
      tableId: string,
      actorId: string,
      caseId: string,
      input: { officer: Actor | null; due: string | null },
    ) {
      return act(deps, tableId, actorId, "onderzoeken", (a) => {
        const v = visibleCase(a, caseId);
        if (!v.ok) return v;
        const c = v.value.case;
        // The officer who serves the pupil's municipality where the table knows one, else the one who opens it.
        const competent = competentOfficer(a.doc, c);
        const officer = input.officer
          ? findMember(a.doc, input.officer)
          : competent.ok
            ? competent
            : ok(a.me);
        if (!officer.ok) return officer;
        const rules = a.rules();
        const due = input.due ?? schoolDaysOn(rules.cal, a.today, rules.policy.investigationDays);
        const r = openInvestigation(a.doc, c, v.value.evaluation, rules.policy, {
          me: a.me,
          officer: officer.value,
          due,
          at: a.at,
          today: a.today,
        });
        if (!r.ok) return r;
        a.audit("onderzoek.geopend", caseId, r.value.id);
        return ok({ investigation: r.value, case: c, defaultDue: input.due === null });
      });
    },

    finding(tableId: string, actorId: string, caseId: string, finding: Omit<Finding, "at" | "by">) {
      return act(deps, tableId, actorId, null, (a) => {
        const v = visibleCase(a, caseId);
        if (!v.ok) return v;
        const c = v.value.case;
        const r = recordFinding(c, a.me, finding, a.at);
        if (!r.ok) return r;
        a.audit("onderzoek.afgerond", caseId, r.value.id);
        return ok({ investigation: r.value, case: c });
      });
    },

    triage(
      tableId: string,
      actorId: string,
      caseId: string,
      input: Omit<TriageInput, "next"> & { next: Actor | null },
    ) {
      return act(deps, tableId, actorId, null, (a) => {
        const v = visibleCase(a, caseId);
        if (!v.ok) return v;
        const c = v.value.case;
        let next: Member | null = null;
        if (input.next) {
          const found = findMember(a.doc, input.next);
          if (!found.ok) return found;
          next = found.value;
        }
        const rules = a.rules();
        const policy = schoolPolicies(a.doc, rules.policy)(schoolOfCase(c));
        const r = recordTriage(a.doc, c, v.value.evaluation, policy, a.me, { ...input, next }, a.at);
        if (!r.ok) return r;
        a.audit("besluit.vastgelegd", caseId, r.value.id);
        return ok({ decision: r.value, case: c });
      });
    },

    /** A new consultation hour takes the first waiting cases, by priority. */
    publishSlot(tableId: string, actorId: string, input: SlotInput) {
      return act(deps, tableId, actorId, null, (a) => {
        const r = publishSlot(a.doc, a.me, input, a.at, a.today);
        if (!r.ok) return r;
        a.audit("spreekuur.gepubliceerd", null, r.value.id);
        const placed = fillFromWaiting(a.doc, r.value, waitingList(a), a.at);
        for (const id of placed) a.audit("spreekuur.geboekt", id, r.value.id);
        return ok({ slot: r.value, placed, doc: a.doc });
      });
    },

    book(tableId: string, actorId: string, caseId: string, slotId: string | null) {
      return act(deps, tableId, actorId, null, (a) => {
        const v = visibleCase(a, caseId);
        if (!v.ok) return v;
        const c = v.value.case;
        const r = bookCase(a.doc, c, a.me, slotId, a.at, a.today);
        if (!r.ok) return r;
        a.audit(
          r.value.slot ? "spreekuur.geboekt" : "spreekuur.wachtlijst",
          caseId,
          r.value.slot?.id ?? null,
        );
        const list = waitingList(a);
        const place = list.findIndex((w) => w.item.caseId === caseId);
        return ok({ slot: r.value.slot, case: c, doc: a.doc, place, waiting: list });
      });
    },

    outcome(
      tableId: string,
      actorId: string,
      caseId: string,
      input: { result: SlotResult; next: Route | null; note: string | null },
    ) {
      return act(deps, tableId, actorId, null, (a) => {
        const v = visibleCase(a, caseId);
        if (!v.ok) return v;
        const c = v.value.case;
        const r = slotOutcome(a.doc, c, a.me, input, a.at);
        if (!r.ok) return r;
        a.audit("spreekuur.uitkomst", caseId, `${r.value.slot.id} ${input.result}`);
        return ok({ slot: r.value.slot, case: c });
      });
    },

    /** The consultation hours and the waiting list in its order: every member reads them (ids, never a pupil). */
    slots(tableId: string, actorId: string) {
      return look(deps, tableId, actorId, null, (a) => ok({ doc: a.doc, waiting: waitingList(a) }));
    },
  };
}
