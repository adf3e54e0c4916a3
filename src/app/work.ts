import {
  addAction,
  addDecision,
  editAction,
  findAction,
  finishAction,
  mayChangeAction,
  withdrawDecision,
} from "../core/actions.ts";
import { localDate } from "../core/dates.ts";
import { sameAction } from "../core/duplicates.ts";
import { type ExemptionGround, recordExemption } from "../core/exemptions.ts";
import { type ReviewResult, reviewAction } from "../core/follow-through.ts";
import { checkLeerplichtWork } from "../core/intake.ts";
import { addIntervention, preventiveBasis } from "../core/interventions.ts";
import { openInvestigationOf } from "../core/investigation.ts";
import { type MdoInput, recordMdo } from "../core/mdo.ts";
import type { Case, Decision, Member, OmResult } from "../core/model.ts";
import { addressees, may } from "../core/permissions.ts";
import { byPriority, priorityReasons } from "../core/priority.ts";
import { setRegie } from "../core/regie.ts";
import { competentOfficer } from "../core/residence.ts";
import { ask, fail, ok } from "../core/result.ts";
import { type Actor, activeMembers, findMember, nameOf } from "../core/table.ts";
import { caseIn } from "./cases.ts";
import { type Act, act, type Deps, look } from "./context.ts";

/** Regie or an agreement for a member on a case, as the table's intake mode allows leerplicht's part (FR-15). */
function leerplichtWork(a: Act, c: Case, member: Member) {
  const rules = a.rules();
  return checkLeerplichtWork(rules.policy.intakeMode, c, rules.evaluate(c), member);
}

export function makeWorkUseCases(deps: Deps) {
  return {
    /** `holder`: the person named, "me" to take regie, or null to let it go. */
    setRegie(tableId: string, actorId: string, caseId: string, holder: Actor | "me" | null) {
      return act(deps, tableId, actorId, null, (a) => {
        const c = caseIn(a, caseId);
        if (!c.ok) return c;
        const found = holder === "me" || holder === null ? null : findMember(a.doc, holder);
        if (found && !found.ok) return found;
        const next = holder === "me" ? a.me : (found?.value ?? null);
        const allowed = next ? leerplichtWork(a, c.value, next) : ok(null);
        if (!allowed.ok) return allowed;
        const previous = c.value.regie?.holder ?? null;
        const r = setRegie(c.value, next, a.me, a.at, (id) => nameOf(a.doc, id));
        if (!r.ok) return r;
        a.audit(next ? "regie.toegewezen" : "regie.losgelaten", caseId, next?.id ?? previous);
        return ok({ case: r.value, previous, holder: next?.handle ?? null });
      });
    },

    addAction(
      tableId: string,
      actorId: string,
      caseId: string,
      owner: Actor | "leerplicht",
      due: string,
      text: string,
      confirmed = true,
      reviewOn: string | null = null,
    ) {
      return act(deps, tableId, actorId, null, (a) => {
        const c = caseIn(a, caseId);
        if (!c.ok) return c;
        const m = owner === "leerplicht" ? competentOfficer(a.doc, c.value) : findMember(a.doc, owner);
        if (!m.ok) return m;
        const allowed = leerplichtWork(a, c.value, m.value);
        if (!allowed.ok) return allowed;
        const twin = confirmed ? undefined : sameAction(a.doc.actions, caseId, text);
        const r = addAction(a.doc, c.value, m.value, due, text, a.me.id, a.at, a.today, reviewOn);
        if (!r.ok) return r;
        if (twin)
          return ask({
            action: twin.id,
            case: caseId,
            owner: nameOf(a.doc, twin.owner),
            due: twin.due,
            text: twin.text,
          });
        a.audit("afspraak.gemaakt", caseId, r.value.id);
        return ok({ action: r.value, owner: m.value.handle });
      });
    },

    /** An MDO on a case (FR-41): any member of the table records it. */
    mdo(tableId: string, actorId: string, caseId: string, input: MdoInput) {
      return act(deps, tableId, actorId, null, (a) => {
        const c = caseIn(a, caseId);
        if (!c.ok) return c;
        const r = recordMdo(a.doc, c.value, a.me.id, input, a.at);
        if (r.ok) a.audit("mdo.vastgelegd", caseId, r.value.id);
        return r;
      });
    },

    /** At home through illness (FR-32): set from a date, or ended; JGZ and the samenwerkingsverband hear of it. */
    homeSick(tableId: string, actorId: string, caseId: string, since: string | null) {
      return act(deps, tableId, actorId, "thuis-ziek", (a) => {
        const c = caseIn(a, caseId);
        if (!c.ok) return c;
        if (c.value.pupilKey === null) return fail("consult-geen-leerling", { id: caseId });
        if (since !== null && since > a.today) return fail("datum-in-toekomst");
        c.value.homeSick = since === null ? null : { since, by: a.me.id, at: a.at };
        a.audit(since === null ? "casus.thuis-ziek-af" : "casus.thuis-ziek", caseId, since);
        const told = addressees(activeMembers(a.doc), "thuis-ziek-horen").filter((m) => m.id !== a.me.id);
        return ok({ case: c.value, told });
      });
    },

    /** What the OM decided on a proces-verbaal (FR-31): leerplicht records it on the step. */
    omOutcome(tableId: string, actorId: string, interventionId: string, result: OmResult, on: string) {
      return act(deps, tableId, actorId, "handhaven", (a) => {
        const c = a.doc.cases.find((x) => x.interventions.some((i) => i.id === interventionId));
        const step = c?.interventions.find((i) => i.id === interventionId);
        if (!c || !step) return fail("interventie-onbekend", { id: interventionId });
        if (step.kind !== "pv") return fail("om-geen-pv", { id: interventionId });
        if (on > a.today || on < step.date) return fail("om-datum", { id: interventionId });
        step.om = { result, on, by: a.me.id, at: a.at };
        a.audit("interventie.om", c.id, `${interventionId} ${result}`);
        return ok({ caseId: c.id, step });
      });
    },

    /** Whether an agreement worked (FR-23): its owner, the case's regie holder or the chair answers. */
    review(tableId: string, actorId: string, actionId: string, result: ReviewResult) {
      return act(deps, tableId, actorId, null, (a) => {
        const action = findAction(a.doc, actionId);
        if (!action) return fail("afspraak-onbekend", { id: actionId });
        if (!mayChangeAction(a.doc, action, a.me))
          return fail("afspraak-niet-van-jou", { id: action.id, owner: nameOf(a.doc, action.owner) });
        const r = reviewAction(action, result, a.me.id, a.at, a.rules().cal, a.today);
        if (r.ok) a.audit("afspraak.geevalueerd", action.caseId, `${actionId} ${result}`);
        return r;
      });
    },

    finishAction(tableId: string, actorId: string, actionId: string, status: "done" | "cancelled") {
      return act(deps, tableId, actorId, null, (a) => {
        const action = findAction(a.doc, actionId);
        if (!action) return fail("afspraak-onbekend", { id: actionId });
        const r = finishAction(a.doc, action, status, a.me, a.at);
        if (r.ok)
          a.audit(status === "done" ? "afspraak.klaar" : "afspraak.vervallen", action.caseId, actionId);
        return r;
      });
    },

    /** A changed owner, due date or text of an open agreement (`actie A-3 eigenaar=@… datum=… tekst="…"`). */
    editAction(
      tableId: string,
      actorId: string,
      actionId: string,
      change: { owner: Actor | null; due: string | null; text: string | null },
    ) {
      return act(deps, tableId, actorId, null, (a) => {
        const action = findAction(a.doc, actionId);
        if (!action) return fail("afspraak-onbekend", { id: actionId });
        const owner = change.owner ? findMember(a.doc, change.owner) : null;
        if (owner && !owner.ok) return owner;
        const c = caseIn(a, action.caseId);
        const allowed = owner && c.ok ? leerplichtWork(a, c.value, owner.value) : ok(null);
        if (!allowed.ok) return allowed;
        const before = { owner: action.owner, due: action.due };
        const r = editAction(a.doc, action, { ...change, owner: owner?.value ?? null }, a.me, a.today);
        if (!r.ok) return r;
        a.audit("afspraak.gewijzigd", action.caseId, actionId);
        return ok({ action, before, owner: nameOf(a.doc, action.owner) });
      });
    },

    withdrawDecision(tableId: string, actorId: string, decisionId: string, reason: string, confirmed = true) {
      return act(deps, tableId, actorId, null, (a) => {
        const decision = a.doc.decisions.find((d) => d.id === decisionId);
        if (!decision) return fail("besluit-onbekend", { id: decisionId });
        const c = caseIn(a, decision.caseId);
        if (!c.ok) return c;
        // Who may steer the case may take back its decision, and so may who took it.
        if (!may(a.me, "casus-sturen") && a.me.id !== decision.by && a.me.id !== c.value.regie?.holder)
          return fail("alleen-regie-of-voorzitter", { id: decision.caseId });
        const r = withdrawDecision(decision, reason, a.me, a.at);
        if (r.ok && !confirmed)
          return ask({
            decision: decisionId,
            case: decision.caseId,
            text: decision.text,
            on: localDate(new Date(decision.at)),
          });
        if (r.ok) a.audit("besluit.ingetrokken", decision.caseId, decisionId);
        return r;
      });
    },

    /** `beyond`: a doorbraak decision outside the existing frameworks, only on a case handed to the doorbraaktafel. */
    addDecision(
      tableId: string,
      actorId: string,
      caseId: string,
      text: string,
      beyond: Decision["beyond"] = null,
    ) {
      return act(deps, tableId, actorId, null, (a) => {
        const c = caseIn(a, caseId);
        if (!c.ok) return c;
        if (beyond && c.value.handedTo === null) return fail("besluit-kaders-doorbraak", { id: caseId });
        const r = addDecision(a.doc, c.value, text, a.me.id, a.at, beyond);
        if (r.ok) a.audit("besluit.vastgelegd", caseId, r.value.id);
        return r;
      });
    },

    intervene(
      tableId: string,
      actorId: string,
      caseId: string,
      input: Parameters<typeof addIntervention>[3],
      confirmed = true,
    ) {
      return act(deps, tableId, actorId, null, (a) => {
        const c = caseIn(a, caseId);
        if (!c.ok) return c;
        const preventive = preventiveBasis(c.value, input.kind);
        // The region says whether its officers ask the JBT themselves or through the sociaal team [004 L376-378].
        if (input.kind === "civiel" && input.civilVia === "jbt" && a.region.jbt === "sociaal-team")
          return fail("civiel-jbt-sociaal-team", { region: a.region.name });
        const r = addIntervention(a.doc, c.value, a.me, input, a.at, a.today);
        // Until the region answers the open question [003 L921] (`protocol.preventief-hergebruik`), asked; asked
        // only once the step would be taken: tried on the draft, so a refusal still comes first.
        const reuse = a.rules().policy.preventiveReuse;
        const named = {
          case: caseId,
          kind: `intervention.${input.kind}`,
          signals: preventive.map((x) => x.id).join(", "),
        };
        if (r.ok && preventive.length > 0 && reuse === "nee") return fail("hergebruik-nee", named);
        if (r.ok && !confirmed && preventive.length > 0 && reuse === "vragen") return ask(named);
        if (r.ok) a.audit("interventie.vastgelegd", caseId, `${r.value.id} ${r.value.kind}`);
        return r;
      });
    },

    /** An exemption from leerplicht on a legal ground; it ends thuiszitter detection and blocks enforcement. */
    exempt(
      tableId: string,
      actorId: string,
      caseId: string,
      input: { ground: ExemptionGround; from: string; to: string | null },
    ) {
      return act(deps, tableId, actorId, "vrijstelling-vastleggen", (a) => {
        const c = caseIn(a, caseId);
        if (!c.ok) return c;
        const r = recordExemption(c.value, input, a.me.id, a.at);
        if (r.ok) a.audit("casus.vrijstelling", caseId, `${input.ground} ${input.from}..${input.to ?? ""}`);
        return r;
      });
    },

    mine(tableId: string, actorId: string) {
      return look(deps, tableId, actorId, null, (a) => {
        const actions = a.doc.actions
          .filter((x) => x.owner === a.me.id && x.status === "open")
          .sort((x, y) => x.due.localeCompare(y.due));
        // The cases they lead or investigate, in the protocol's order of priority (FR-27), each with its reasons.
        const rules = a.rules();
        const mine = a.doc.cases.filter(
          (c) =>
            c.status !== "closed" &&
            (c.regie?.holder === a.me.id || openInvestigationOf(c)?.officer === a.me.id),
        );
        const cases = byPriority(
          rules.policy.priority,
          mine.map((c) => ({
            item: c,
            reasons: priorityReasons(rules.policy.priority, c, rules.evaluate(c), a.today),
            since: c.openedAt,
          })),
        );
        a.audit("mijn.bekeken");
        return ok({ actions, cases, today: a.today });
      });
    },
  };
}
