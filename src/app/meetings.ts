import { findAction, mayChangeAction } from "../core/actions.ts";
import { localDate } from "../core/dates.ts";
import { recordReport } from "../core/duo.ts";
import { agendaFor, lastEndedMeeting, minutesFor, openMeeting } from "../core/meetings.ts";
import type { Meeting } from "../core/model.ts";
import { fail, ok } from "../core/result.ts";
import { nameOf } from "../core/table.ts";
import { caseIn } from "./cases.ts";
import { act, type Deps, look } from "./context.ts";

export function makeMeetingUseCases(deps: Deps) {
  return {
    /** Opens the meeting and fixes its agenda; what is decided and agreed until `stop` belongs to it. */
    start(tableId: string, actorId: string) {
      return act(deps, tableId, actorId, "tafel-inrichten", (a) => {
        const running = openMeeting(a.doc);
        if (running) return fail("overleg-loopt", { id: running.id });
        a.doc.counters.meeting++;
        const rules = a.rules();
        const meeting: Meeting = {
          id: `O-${a.doc.counters.meeting}`,
          startedAt: a.at,
          startedBy: a.me.id,
          endedAt: null,
          agenda: agendaFor(a.doc, rules, a.today),
        };
        a.doc.meetings.push(meeting);
        a.audit("overleg.gestart", null, meeting.id);
        return ok(meeting);
      });
    },

    agenda(tableId: string, actorId: string) {
      return look(deps, tableId, actorId, null, (a) => {
        a.audit("overleg.agenda-bekeken");
        return ok(agendaFor(a.doc, a.rules(), a.today));
      });
    },

    stop(tableId: string, actorId: string) {
      return act(deps, tableId, actorId, "tafel-inrichten", (a) => {
        const meeting = openMeeting(a.doc);
        if (!meeting) return fail("geen-overleg");
        meeting.endedAt = a.at;
        a.audit("overleg.gestopt", null, meeting.id);
        return ok({ meeting, minutes: minutesFor(a.doc, meeting), doc: a.doc });
      });
    },

    /** Minutes of the meeting held on `date`, or of the last one. */
    minutes(tableId: string, actorId: string, date: string | null) {
      return look(deps, tableId, actorId, null, (a) => {
        const ended = a.doc.meetings.filter((m) => m.endedAt !== null);
        const meeting = date
          ? ended.findLast((m) => localDate(new Date(m.startedAt)) === date)
          : lastEndedMeeting(a.doc);
        if (!meeting) return fail(date ? "geen-notulen-op" : "geen-notulen", { date: date ?? "" });
        a.audit("overleg.notulen-bekeken", null, meeting.id);
        return ok({ meeting, minutes: minutesFor(a.doc, meeting), doc: a.doc });
      });
    },

    /** Marks a case stuck with the reason, or clears it (`reason` null): a doorbraak for the next meeting. */
    stuck(tableId: string, actorId: string, caseId: string, reason: string | null) {
      return act(deps, tableId, actorId, null, (a) => {
        const c = caseIn(a, caseId);
        if (!c.ok) return c;
        if (c.value.status === "closed") return fail("casus-al-gesloten", { id: caseId });
        if (reason === null && !c.value.stuck) return fail("niet-vastgelopen", { id: caseId });
        c.value.stuck = reason === null ? null : { reason, at: a.at, by: a.me.id };
        a.audit(reason === null ? "casus.vlot" : "casus.vastgelopen", caseId);
        return ok({ case: c.value, doc: a.doc });
      });
    },

    /** The school's verzuimmelding to DUO for a meldplichtig case, on `on` (default today). */
    reported(tableId: string, actorId: string, caseId: string, on: string | null) {
      return act(deps, tableId, actorId, "duo-vastleggen", (a) => {
        const c = caseIn(a, caseId);
        if (!c.ok) return c;
        const day = on ?? a.today;
        const r = recordReport(c.value, day, a.me.id, a.at, a.today);
        if (r.ok) a.audit("casus.gemeld", caseId, day);
        return r;
      });
    },

    /** A date to look at the case again: from then on it is on the agenda. */
    review(tableId: string, actorId: string, caseId: string, date: string) {
      return act(deps, tableId, actorId, null, (a) => {
        const c = caseIn(a, caseId);
        if (!c.ok) return c;
        if (date < a.today) return fail("datum-verleden");
        c.value.reviewOn = date;
        a.audit("casus.herzien", caseId, date);
        return ok(c.value);
      });
    },

    /** Moves an agreement's due date later; its reminders follow the new date. */
    postpone(tableId: string, actorId: string, actionId: string, date: string) {
      return act(deps, tableId, actorId, null, (a) => {
        const action = findAction(a.doc, actionId);
        if (!action) return fail("afspraak-onbekend", { id: actionId });
        if (action.status !== "open") return fail("afspraak-niet-open", { id: actionId });
        if (!mayChangeAction(a.doc, action, a.me))
          return fail("afspraak-niet-van-jou", { id: actionId, owner: nameOf(a.doc, action.owner) });
        if (date <= action.due || date < a.today) return fail("uitstel-eerder", { id: actionId });
        const from = action.due;
        action.due = date;
        a.audit("afspraak.uitgesteld", action.caseId, `${actionId} ${from}→${date}`);
        return ok(action);
      });
    },
  };
}
