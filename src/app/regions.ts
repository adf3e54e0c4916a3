import type { Region as HolidayRegion, TableDoc } from "../core/model.ts";
import type { Municipality, RegionDoc } from "../core/model-region.ts";
import { may } from "../core/permissions.ts";
import { isShared, ownRegion, regionIdFor } from "../core/region.ts";
import { sameName } from "../core/residence.ts";
import { fail, ok, type Result } from "../core/result.ts";
import type { PolicyOverrides } from "../core/rules/policy.ts";
import { type Actor, findMember, memberById } from "../core/table.ts";
import { act, type Deps, regionOf } from "./context.ts";
import { reevaluateLater } from "./rules.ts";

/** The region's own trail keeps its newest changes; every table keeps its own audit of what it changed. */
const KEEP_CHANGES = 500;

/** What a region's member table may set of the region with `regio <sleutel>=<waarde>`. */
export type RegionFields = Partial<
  Pick<RegionDoc, "rmc" | "officerTitle" | "doorbraak" | "jbt" | "fixed" | "holidays">
>;

/** The region to save at `version`, with the change on its own trail (its newest `KEEP_CHANGES`). */
const onTrail = (
  r: RegionDoc,
  version: number,
  at: string,
  tableId: string,
  by: string,
  what: string,
): RegionDoc => ({
  ...r,
  version,
  changes: [...r.changes, { at, tableId, by, what }].slice(-KEEP_CHANGES),
});

export function makeRegionUseCases(deps: Deps) {
  /** The table as stored, its region, and whether the actor is a member who may change it. */
  async function standing(tableId: string, actorId: string) {
    const doc = await deps.store.read(tableId);
    const me = memberById(doc, actorId);
    const region = await regionOf(deps, tableId, doc);
    return { doc, me, region, shared: isShared(region, doc) };
  }

  /**
   * One change to the region, made by a chair of one of its tables: written on the version read (another change
   * in between and this one is refused, `gewijzigd`), put on the region's trail and audited at the table. Every
   * table of the region reads the region at its next command, so the change reaches them all at once.
   */
  async function change(
    tableId: string,
    actorId: string,
    what: string,
    mutate: (r: RegionDoc, doc: TableDoc) => Result<RegionDoc>,
  ): Promise<Result<RegionDoc>> {
    const s = await standing(tableId, actorId);
    if (!s.me) return fail("geen-lid");
    if (!may(s.me, "regio-beheren")) return fail("regio-alleen-voorzitter");
    const made = mutate(structuredClone(s.region), s.doc);
    if (!made.ok) return made;
    const at = deps.clock.now().toISOString();
    const next = onTrail(made.value, s.shared ? s.region.version + 1 : 1, at, tableId, actorId, what);
    const written = await deps.store.regions.save(next);
    if (!written.ok) return written;
    const audited = await act(deps, tableId, actorId, null, (a) => {
      a.audit("regio.gewijzigd", null, `${next.id}: ${what}`);
      return ok(null);
    });
    // What the region sets for all may move any case of any of its tables across a rule: each is looked at again.
    const before = [s.region.policy, s.region.fixed, s.region.holidays];
    if (JSON.stringify(before) !== JSON.stringify([next.policy, next.fixed, next.holidays]))
      for (const table of next.tables) reevaluateLater(deps, table);
    return audited.ok ? written : audited;
  }

  /** Changes to a region there is: a table on its own is told to set one up first. */
  const changeShared = (
    tableId: string,
    actorId: string,
    what: string,
    mutate: (r: RegionDoc, doc: TableDoc) => Result<RegionDoc>,
  ) => change(tableId, actorId, what, (r, doc) => (isShared(r, doc) ? mutate(r, doc) : fail("geen-regio")));

  return {
    /** The region as its tables see it: the profile, its tables by name, and whether it is the table's own. */
    async show(tableId: string, actorId: string) {
      const s = await standing(tableId, actorId);
      if (!s.me) return fail("geen-lid");
      const refs = await deps.store.tables();
      const names = new Map(refs.map((t) => [t.id, t.name]));
      return ok({
        region: s.region,
        shared: s.shared,
        tableName: (id: string) => names.get(id) ?? id,
      });
    },

    /** `regio nieuw "<naam>"`: a region with this table as its first; the table's own settings stay its own. */
    create(tableId: string, actorId: string, name: string, holidays: HolidayRegion | null) {
      return change(tableId, actorId, `nieuw ${name}`, (r, doc) => {
        if (isShared(r, doc)) return fail("regio-al", { table: doc.table.name });
        return ok({
          ...ownRegion(doc),
          id: regionIdFor(name),
          name,
          holidays: holidays ?? doc.table.region,
          createdAt: deps.clock.now().toISOString(),
        });
      }).then((r) => (!r.ok && r.error.code === "gewijzigd" ? fail("regio-bestaat", { name }) : r));
    },

    /** `regio uitnodigen <tafel>`: the other table's chair then joins with `regio aansluiten <regio>`. */
    async invite(tableId: string, actorId: string, other: string) {
      const refs = await deps.store.tables();
      const found = refs.find((t) => t.id === other);
      if (!found) return fail("tafel-onbekend", { id: other });
      return changeShared(tableId, actorId, `uitgenodigd ${other}`, (r) => {
        if (r.tables.includes(other)) return fail("regio-al", { table: found.name });
        return ok({ ...r, invited: [...new Set([...r.invited, other])] });
      });
    },

    /** `regio aansluiten <regio>`: by the invited table's chair; from then its calendar follows the region's holidays. */
    async join(tableId: string, actorId: string, regionId: string) {
      const s = await standing(tableId, actorId);
      if (!s.me) return fail("geen-lid");
      if (!may(s.me, "regio-beheren")) return fail("regio-alleen-voorzitter");
      if (s.shared) return fail("regio-al", { table: s.doc.table.name });
      const region = (await deps.store.regions.all()).find((r) => r.id === regionId);
      if (!region?.invited.includes(tableId)) return fail("regio-niet-uitgenodigd", { id: regionId });
      const at = deps.clock.now().toISOString();
      const joining = {
        ...region,
        tables: [...region.tables, tableId],
        invited: region.invited.filter((t) => t !== tableId),
      };
      const written = await deps.store.regions.save(
        onTrail(joining, region.version + 1, at, tableId, actorId, "aangesloten"),
      );
      if (!written.ok) return written;
      const joined = await act(deps, tableId, actorId, null, (a) => {
        a.audit("regio.aangesloten", null, region.id);
        return ok(null);
      });
      return joined.ok ? written : joined;
    },

    /** `regio gemeente <naam> kantoor="…" [kwalificatie="…"]`, or `… weg`: the offices competent for its pupils. */
    setMunicipality(tableId: string, actorId: string, m: Municipality | { name: string; remove: true }) {
      const what = "remove" in m ? `gemeente ${m.name} weg` : `gemeente ${m.name} kantoor=${m.office}`;
      return changeShared(tableId, actorId, what, (r) => {
        const others = r.municipalities.filter((x) => !sameName(x.name, m.name));
        if ("remove" in m && others.length === r.municipalities.length)
          return fail("regio-gemeente-onbekend", { name: m.name });
        return ok({ ...r, municipalities: "remove" in m ? others : [...others, m] });
      });
    },

    /** `regio rmc=… functienaam=… doorbraaktafel=… jbt=… contact=@… vast=…`; the contact is a member here. */
    set(tableId: string, actorId: string, fields: RegionFields, label: string, contact: Actor | null) {
      return changeShared(tableId, actorId, label, (r, doc) => {
        if (fields.doorbraak && !r.tables.includes(fields.doorbraak))
          return fail("regio-tafel-niet", { id: fields.doorbraak });
        const who = contact === null ? null : findMember(doc, contact);
        if (who && !who.ok) return who;
        return ok({
          ...r,
          ...fields,
          ...(who ? { contact: { tableId, memberId: who.value.id } } : {}),
        });
      });
    },

    /** `beleid regio <sleutel>=<waarde>`: the region's own setting, for all its tables where they set none. */
    setPolicy(tableId: string, actorId: string, overrides: PolicyOverrides, label: string) {
      return changeShared(tableId, actorId, `beleid ${label}`, (r) =>
        ok({ ...r, policy: { ...r.policy, ...overrides } }),
      );
    },
  };
}
