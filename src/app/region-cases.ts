import { findCase } from "../core/cases.ts";
import { localDate } from "../core/dates.ts";
import { schoolInternal } from "../core/intake.ts";
import type { TableDoc } from "../core/model.ts";
import type { RegionDoc } from "../core/model-region.ts";
import { isShared, type Seat } from "../core/region.ts";
import { type Outbound, outboxEntry } from "../core/reminders.ts";
import { fail, ok, type Result } from "../core/result.ts";
import { type Route, routeOf } from "../core/routing.ts";
import { activeMembers, audit, memberById } from "../core/table.ts";
import { visibleCase } from "./cases.ts";
import { act, type Deps, look, regionOf, rulesFor } from "./context.ts";

/** Who heard of a case routed elsewhere; `niemand`: nobody could, which the case's own table is told. */
export type Told = { handle: string | null; table: string; reason: "bevoegd" | "contact" | "niemand" };

export function makeRegionCaseUseCases(deps: Deps) {
  /** The members of every table of the region, by table: where routing looks for the competent officer. */
  async function seatsOf(region: RegionDoc, tableId: string, doc: TableDoc): Promise<Seat[]> {
    const ids = region.tables.includes(tableId) ? region.tables : [tableId];
    const seats: Seat[] = [];
    for (const id of ids) {
      const d = id === tableId ? doc : await deps.store.read(id);
      for (const member of activeMembers(d)) seats.push({ tableId: id, member });
    }
    return seats;
  }

  /** Puts a message in another table's outbox, once per key; the scheduler delivers it there. */
  async function post(tableId: string, key: string, message: Outbound) {
    const at = deps.clock.now();
    await deps.store.transact(tableId, (d) => {
      if (!d.outbox.some((e) => e.key === key)) d.outbox.push(outboxEntry(key, message, at));
      return ok(null);
    });
  }

  /** The tables' names by id, an id standing for a table the store no longer has. */
  const tableNames = async () => {
    const names = new Map((await deps.store.tables()).map((t) => [t.id, t.name]));
    return (id: string) => names.get(id) ?? id;
  };

  return {
    /** `help routering C-n`: where the case goes in the region, and why. */
    async route(tableId: string, actorId: string, caseId: string) {
      const doc = await deps.store.read(tableId);
      const region = await regionOf(deps, tableId, doc);
      const seats = await seatsOf(region, tableId, doc);
      const tableName = await tableNames();
      return look(deps, tableId, actorId, null, (a) => {
        const v = visibleCase(a, caseId);
        if (!v.ok) return v;
        a.audit("casus.routering", caseId);
        const route: Route = routeOf(a.region, tableId, v.value.case, seats);
        const contact =
          route.contact &&
          seats.find((s) => s.member.id === route.contact?.memberId && s.tableId === route.contact.tableId);
        return ok({ route, tableName, contact: contact ?? null });
      });
    },

    /**
     * After a case's residence or age band became known: when its competent officer sits at another table of the
     * region, or nobody of the office is known and the region's contact must hear it, they are told there (never
     * the case's content). Returns who was told, for the reply.
     */
    async tell(tableId: string, caseId: string): Promise<Told[]> {
      const doc = await deps.store.read(tableId);
      const region = await regionOf(deps, tableId, doc);
      const c = findCase(doc, caseId);
      if (!isShared(region, doc) || !c || c.pupilKey === null || c.municipality === null) return [];
      // An early flag that stays within the school (FR-42) goes to no officer, here or elsewhere.
      const rules = rulesFor(deps, doc, localDate(deps.clock.now()), region);
      if (schoolInternal(rules.policy.intakeMode, c, rules.evaluate(c))) return [];
      const seats = await seatsOf(region, tableId, doc);
      const route = routeOf(region, tableId, c, seats);
      if (route.officers.some((s) => s.tableId === tableId)) return [];
      const { contact } = route;
      const targets = route.officers.length
        ? route.officers.map((seat) => ({ seat, reason: "bevoegd" as const }))
        : seats
            .filter((s) => s.tableId === contact?.tableId && s.member.id === contact.memberId)
            .map((seat) => ({ seat, reason: "contact" as const }));
      // Never nobody: without an officer or a contact, the table itself hears that the route ends here. (A contact
      // who has since left their table is reached by neither: a gap noted on issue #30.)
      if (contact && targets.length === 0) return [];
      if (targets.length === 0) return [{ handle: null, table: doc.table.name, reason: "niemand" }];
      const names = await tableNames();
      const told: Told[] = [];
      for (const { seat, reason } of targets) {
        const message: Outbound = {
          kind: "regio",
          to: seat.member.id,
          reason,
          fromTable: tableId,
          fromName: doc.table.name,
          caseId,
          office: route.office,
        };
        await post(
          seat.tableId,
          `regio:${tableId}:${caseId}:${route.office ?? "-"}:${seat.member.id}`,
          message,
        );
        told.push({ handle: seat.member.handle, table: names(seat.tableId), reason });
      }
      return told;
    },

    /**
     * `regio meedoen <tafel> C-n`, at one's own table: the competent officer, the region's contact, or a member of
     * the doorbraaktafel a case was handed to joins the case's table with their function there, so the case stays
     * one case with its history.
     */
    async joinCase(tableId: string, actorId: string, fromTable: string, caseId: string) {
      const mine = await deps.store.read(tableId);
      const me = memberById(mine, actorId);
      if (!me || me.removedAt !== null) return fail("geen-lid");
      const region = await regionOf(deps, tableId, mine);
      if (fromTable === tableId) return fail("regio-zelfde-tafel");
      if (!isShared(region, mine) || !region.tables.includes(fromTable))
        return fail("regio-tafel-niet", { id: fromTable });
      const there = await deps.store.read(fromTable);
      const c = findCase(there, caseId);
      if (!c) return fail("casus-onbekend", { id: caseId });
      const seats = await seatsOf(region, fromTable, there);
      const competent = routeOf(region, fromTable, c, seats).officers.some(
        (s) => s.tableId === tableId && s.member.id === me.id,
      );
      const contact = region.contact?.tableId === tableId && region.contact.memberId === me.id;
      const doorbraak = c.handedTo?.tableId === tableId;
      if (!competent && !contact && !doorbraak) return fail("regio-niet-bevoegd", { id: caseId });
      const at = deps.clock.now().toISOString();
      const joined = await deps.store.transact(fromTable, (d) => {
        if (!findCase(d, caseId)) return fail("casus-onbekend", { id: caseId });
        const present = memberById(d, me.id);
        if (!present || present.removedAt !== null)
          d.members = [...d.members.filter((m) => m.id !== me.id), { ...me, addedAt: at, removedAt: null }];
        audit(d, at, me.id, "regio.meedoen", caseId, tableId);
        return ok({ table: d.table.name });
      });
      if (!joined.ok) return joined;
      await act(deps, tableId, actorId, null, (a) => {
        a.audit("regio.meedoen", null, `${fromTable} ${caseId}`);
        return ok(null);
      });
      return ok({ table: joined.value.table, caseId });
    },

    /**
     * `doorbraak C-n`: a stuck case goes to the region's doorbraaktafel (FR-33) with its history, as one case: it
     * stays here, marked handed over, and the doorbraaktafel hears of it and joins it.
     */
    async handOver(tableId: string, actorId: string, caseId: string): Promise<Result<{ to: string }>> {
      const doc = await deps.store.read(tableId);
      const region = await regionOf(deps, tableId, doc);
      const target = region.doorbraak;
      if (!isShared(region, doc) || target === null) return fail("geen-doorbraaktafel");
      if (target === tableId) return fail("regio-zelfde-tafel");
      const name = (await tableNames())(target);
      const r = await act(deps, tableId, actorId, "casus-sturen", (a) => {
        const v = visibleCase(a, caseId);
        if (!v.ok) return v;
        const c = v.value.case;
        if (c.stuck === null) return fail("doorbraak-niet-vastgelopen", { id: caseId });
        if (c.handedTo !== null) return fail("doorbraak-al", { id: caseId, table: c.handedTo.name });
        c.handedTo = { tableId: target, name, at: a.at, by: a.me.id };
        a.audit("casus.doorbraak", caseId, target);
        return ok({ to: name });
      });
      if (!r.ok) return r;
      await post(target, `doorbraak:${tableId}:${caseId}`, {
        kind: "regio",
        to: null,
        reason: "doorbraak",
        fromTable: tableId,
        fromName: doc.table.name,
        caseId,
        office: null,
      });
      return r;
    },
  };
}
