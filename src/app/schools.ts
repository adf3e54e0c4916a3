import { caseTiers, regionTable } from "../core/dashboard.ts";
import { localDate } from "../core/dates.ts";
import { readFigures, storeFigures } from "../core/figures.ts";
import { isShared, policyIn } from "../core/region.ts";
import { fail, ok } from "../core/result.ts";
import {
  type AdviceTopic,
  addAdvice,
  addSchoolEvent,
  addSystemSignal,
  followedUp,
  type SchoolEventInput,
  type SystemSignalStatus,
  setSystemSignalStatus,
} from "../core/school-work.ts";
import { type SchoolInput, setSchool } from "../core/schools.ts";
import { act, type Deps, look, regionOf, rulesFor } from "./context.ts";

/** The school layer (issue #28): schools, their figures, and leerplicht's work with them. No pupil in any of it. */
export function makeSchoolUseCases(deps: Deps) {
  return {
    /** Records a school the table serves, or changes it (the chair or leerplicht). */
    setSchool(tableId: string, actorId: string, input: SchoolInput) {
      return act(deps, tableId, actorId, "scholen-beheren", (a) => {
        const r = setSchool(a.doc, input, a.me.id, a.at);
        if (!r.ok) return r;
        a.audit(r.value.created ? "school.toegevoegd" : "school.gewijzigd", null, input.code);
        return ok({ ...r.value, doc: a.doc });
      });
    },

    /** The table as stored, for its school layer: every member reads it. */
    view(tableId: string, actorId: string) {
      return look(deps, tableId, actorId, null, (a) => ok(a.doc));
    },

    /**
     * The table, and per school how many of its open cases stand in MD-MTSS tier 1, 2 and 3 today: the tier
     * picture from the table's own cases, since the schools' figures carry no tiers (issue #28 item 3).
     */
    viewWithTiers(tableId: string, actorId: string) {
      return look(deps, tableId, actorId, null, (a) =>
        ok({ doc: a.doc, region: null, tiers: caseTiers(a.doc, a.rules().evaluate) }),
      );
    },

    /**
     * The dashboard over every table of the region (issue #28 item 3, issue #30): the chair and leerplicht of one
     * of its tables see the region's schools side by side, aggregated figures only, with the tier picture from the
     * schools' figures or else the tables' cases.
     */
    async regionView(tableId: string, actorId: string) {
      const region = await regionOf(deps, tableId);
      const own = await deps.store.read(tableId);
      if (!isShared(region, own)) return fail("geen-regio");
      const today = localDate(deps.clock.now());
      const docs = [own];
      for (const id of region.tables) if (id !== tableId) docs.push(await deps.store.read(id));
      const tiers = new Map<string, [number, number, number]>();
      for (const d of docs) caseTiers(d, rulesFor(deps, d, today, region).evaluate, tiers);
      // A cell is hidden below the strictest minimum of the region's tables.
      const min = Math.max(...docs.map((d) => policyIn(region, d.policy).reportMinimum));
      return look(deps, tableId, actorId, "rapport", (a) => {
        a.audit("dashboard.regio", null, region.id);
        return ok({ doc: regionTable(docs, region.name), region, tiers, min });
      });
    },

    /** Stores a school's absence figures (a file's rows, or one typed row): all or nothing. */
    importFigures(tableId: string, actorId: string, cells: readonly (readonly string[])[]) {
      return act(deps, tableId, actorId, "cijfers-aanleveren", (a) => {
        const r = readFigures(a.doc, cells, a.me.id, a.at);
        if (!r.ok) return r;
        const change = storeFigures(a.doc, r.value);
        a.audit("cijfers.aangeleverd", null, `${change.rows}`);
        return ok({ ...change, doc: a.doc });
      });
    },

    advise(
      tableId: string,
      actorId: string,
      input: { school: string; topic: AdviceTopic; text: string; followUp: string | null },
    ) {
      return act(deps, tableId, actorId, "scholen-adviseren", (a) => {
        const r = addAdvice(a.doc, input, a.me.id, a.at, a.today);
        if (r.ok) a.audit("advies.gegeven", null, `${r.value.id} ${r.value.school}`);
        return r;
      });
    },

    adviceFollowedUp(tableId: string, actorId: string, id: string) {
      return act(deps, tableId, actorId, "scholen-adviseren", (a) => {
        const r = followedUp(a.doc, id, a.at);
        if (r.ok) a.audit("advies.opgevolgd", null, id);
        return r;
      });
    },

    systemSignal(
      tableId: string,
      actorId: string,
      input: { text: string; schools: readonly string[]; theme: string | null },
    ) {
      return act(deps, tableId, actorId, "systeemsignalen", (a) => {
        const r = addSystemSignal(a.doc, input, a.me.id, a.at);
        if (r.ok) a.audit("systeemsignaal.gemeld", null, r.value.id);
        return r;
      });
    },

    systemSignalStatus(tableId: string, actorId: string, id: string, status: SystemSignalStatus) {
      return act(deps, tableId, actorId, "systeemsignalen", (a) => {
        const r = setSystemSignalStatus(a.doc, id, status, a.at);
        if (r.ok) a.audit("systeemsignaal.status", null, `${id} ${status}`);
        return r;
      });
    },

    schoolEvent(tableId: string, actorId: string, input: SchoolEventInput) {
      return act(deps, tableId, actorId, "preventief-vastleggen", (a) => {
        const r = addSchoolEvent(a.doc, input, a.me.id, a.at, a.today);
        if (r.ok) a.audit("preventief.vastgelegd", null, `${r.value.id} ${r.value.school}`);
        return r;
      });
    },
  };
}
