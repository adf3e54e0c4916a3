import { nextMeeting } from "../core/cadence.ts";
import { localDate } from "../core/dates.ts";
import { reportOwed } from "../core/duo.ts";
import { may } from "../core/permissions.ts";
import { fixedIn, policyIn, policyOfTable } from "../core/region.ts";
import type { AgeBand } from "../core/residence.ts";
import { ask, fail, ok } from "../core/result.ts";
import { purgeDate } from "../core/retention.ts";
import { auditCrossings, type CaseNotice, takeNotices } from "../core/rules/notices.ts";
import type { PolicyOverrides } from "../core/rules/policy.ts";
import { setSchoolPolicy } from "../core/school-policy.ts";
import { memberById, nameOf } from "../core/table.ts";
import { caseIn, signalFacts } from "./cases.ts";
import { act, type Deps, regionOf, rulesFor } from "./context.ts";

/**
 * After a change of policy or calendar every case may meet other rules; that is looked at after the command has
 * been answered, and whatever newly crosses is told to the table.
 */
export function reevaluateLater(deps: Deps, tableId: string) {
  deps.background.run("reevaluate", async () => {
    const today = localDate(deps.clock.now());
    let notices: CaseNotice[] = [];
    const region = await deps.store.regions.of(tableId);
    await deps.store.transact(tableId, (doc) => {
      const rules = rulesFor(deps, doc, today, region);
      notices = doc.cases
        .filter((c) => c.status !== "closed")
        .flatMap((c) => takeNotices(c, rules.evaluate(c), rules.cal, today, rules.policy.intakeMode));
      auditCrossings(doc, notices, deps.clock.now().toISOString());
      return ok(null);
    });
    if (notices.length) await deps.notifier.caseNotices(tableId, notices);
  });
}

export function makeRuleUseCases(deps: Deps) {
  return {
    async policy(tableId: string, actorId: string) {
      const doc = await deps.store.read(tableId);
      if (!memberById(doc, actorId)) return fail("geen-lid");
      const region = await regionOf(deps, tableId, doc);
      return ok({
        policy: policyIn(region, doc.policy),
        overrides: doc.policy,
        region,
        calendar: doc.calendar,
        // Schools with their own protocol triggers (FR-04).
        schools: doc.schools.filter((x) => Object.keys(x.policy).length > 0),
      });
    },

    /** The retention policy and, per closed case, the day its personal data goes. */
    async retention(tableId: string, actorId: string) {
      const doc = await deps.store.read(tableId);
      if (!memberById(doc, actorId)) return fail("geen-lid");
      const months = policyOfTable(await deps.store.regions.of(tableId), doc).retentionMonths;
      const upcoming = doc.cases
        .map((c) => ({ caseId: c.id, on: purgeDate(c, months) }))
        .filter((u): u is { caseId: string; on: string } => u.on !== null)
        .sort((a, b) => a.on.localeCompare(b.on));
      return ok({ months, upcoming, purged: doc.cases.filter((c) => c.purgedAt !== null).length });
    },

    async setPolicy(tableId: string, actorId: string, change: PolicyOverrides, label: string) {
      const r = await act(deps, tableId, actorId, "tafel-inrichten", (a) => {
        const fixed = fixedIn(a.region, change);
        if (fixed) return fail("beleid-regio-vast", { key: fixed, region: a.region.name });
        a.doc.policy = { ...a.doc.policy, ...change };
        a.audit("beleid.gewijzigd", null, label);
        return ok(policyIn(a.region, a.doc.policy));
      });
      if (r.ok) reevaluateLater(deps, tableId);
      return r;
    },

    /** The table's rhythm of meetings (FR-05): its policy, and the next planned meeting on its calendar. */
    async setRhythm(tableId: string, actorId: string, change: PolicyOverrides, label: string) {
      const r = await this.setPolicy(tableId, actorId, change, label);
      if (!r.ok) return r;
      const doc = await deps.store.read(tableId);
      const today = localDate(deps.clock.now());
      const cal = rulesFor(deps, doc, today, await deps.store.regions.of(tableId)).cal;
      return ok({ policy: r.value, next: nextMeeting(r.value, cal, today) });
    },

    /** A school's own protocol triggers, where a table serves several (FR-04); its cases are evaluated again. */
    async setSchoolPolicy(
      tableId: string,
      actorId: string,
      school: string,
      change: PolicyOverrides,
      label: string,
    ) {
      const r = await act(deps, tableId, actorId, "tafel-inrichten", (a) => {
        const fixed = fixedIn(a.region, change);
        if (fixed) return fail("beleid-regio-vast", { key: fixed, region: a.region.name });
        const set = setSchoolPolicy(a.doc, school, change);
        if (set.ok) a.audit("beleid.school", null, `${school} ${label}`);
        return set;
      });
      if (r.ok) reevaluateLater(deps, tableId);
      return r;
    },

    async addHoliday(tableId: string, actorId: string, from: string, to: string, name: string) {
      const r = await act(deps, tableId, actorId, "tafel-inrichten", (a) => {
        if (from > to) return fail("periode-omgekeerd");
        a.doc.calendar.holidays.push({ from, to, name });
        a.audit("kalender.vakantie", null, `${from}..${to}`);
        return ok({ from, to, name });
      });
      if (r.ok) reevaluateLater(deps, tableId);
      return r;
    },

    async addFreeDay(tableId: string, actorId: string, date: string) {
      const r = await act(deps, tableId, actorId, "tafel-inrichten", (a) => {
        if (a.doc.calendar.freeDays.includes(date)) return fail("vrije-dag-bestaat", { date });
        a.doc.calendar.freeDays.push(date);
        a.audit("kalender.vrije-dag", null, date);
        return ok(date);
      });
      if (r.ok) reevaluateLater(deps, tableId);
      return r;
    },

    /** A newcomer's enrolment date starts the table's grace period (nieuwkomer.weken). */
    setEnrolment(tableId: string, actorId: string, caseId: string, date: string) {
      return act(deps, tableId, actorId, null, (a) => {
        const c = caseIn(a, caseId);
        if (!c.ok) return c;
        if (date > a.today) return fail("datum-in-toekomst");
        c.value.enrolledOn = date;
        a.audit("casus.nieuwkomer", caseId, date);
        const rules = a.rules();
        return ok({ case: c.value, doc: a.doc, evaluation: rules.evaluate(c.value), policy: rules.policy });
      });
    },

    /**
     * The pupil's residence municipality and age band (FR-03, TH-15): who in leerplicht is competent, the duty,
     * and Halt's age. What is not given stays.
     */
    setPupilFacts(
      tableId: string,
      actorId: string,
      caseId: string,
      facts: { municipality: string | null; ageBand: AgeBand | null },
    ) {
      return act(deps, tableId, actorId, null, (a) => {
        const c = caseIn(a, caseId);
        if (!c.ok) return c;
        if (c.value.pupilKey === null) return fail("consult-geen-leerling", { id: caseId });
        if (facts.municipality !== null) c.value.municipality = facts.municipality;
        if (facts.ageBand !== null) c.value.ageBand = facts.ageBand;
        a.audit("casus.leerling", caseId, [c.value.municipality, c.value.ageBand].filter(Boolean).join(" "));
        return ok({ case: c.value, doc: a.doc, evaluation: a.rules().evaluate(c.value) });
      });
    },

    /** Withdraws a wrong signal (raiser, regie holder or chair) and re-evaluates its case. */
    withdrawSignal(tableId: string, actorId: string, signalId: string, confirmed = true) {
      return act(deps, tableId, actorId, null, (a) => {
        const c = a.doc.cases.find((x) => x.signals.some((s) => s.id === signalId));
        const signal = c?.signals.find((s) => s.id === signalId);
        if (!c || !signal) return fail("signaal-onbekend", { id: signalId });
        if (signal.withdrawnAt) return fail("signaal-al-ingetrokken", { id: signalId });
        if (!may(a.me, "werk-van-anderen") && a.me.id !== signal.raisedBy && a.me.id !== c.regie?.holder)
          return fail("signaal-niet-van-jou", { id: signalId, by: nameOf(a.doc, signal.raisedBy) });
        const owed = reportOwed(c);
        const rules = a.rules();
        const before = rules.evaluate(c).threshold;
        signal.withdrawnAt = a.at;
        const evaluation = rules.evaluate(c);
        // Unconfirmed: what it withdraws, and the threshold before and after, with nothing changed.
        if (!confirmed)
          return ask({
            ...signalFacts(a.doc, signal),
            case: c.id,
            before: before.hours,
            after: evaluation.threshold.hours,
            status: `threshold.short.${evaluation.threshold.status}`,
          });
        a.audit("signaal.ingetrokken", c.id, signalId);
        const notices = takeNotices(c, evaluation, rules.cal, a.today, rules.policy.intakeMode);
        auditCrossings(a.doc, notices, a.at);
        // A report to DUO that was owed and no longer is: the school and the table hear it.
        return ok({ case: c, doc: a.doc, evaluation, notices, noLongerDue: owed && !reportOwed(c) });
      });
    },
  };
}
