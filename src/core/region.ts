import type { Member, TableDoc } from "./model.ts";
import type { Municipality, RegionDoc } from "./model-region.ts";
import { REGION_SCHEMA_VERSION } from "./model-region.ts";
import { sameName } from "./residence.ts";
import { POLICY_KEYS, type Policy, type PolicyKey, type PolicyOverrides, policyOf } from "./rules/policy.ts";

/**
 * A table no region lists stands in a region of its own (issue #30): its holiday region and nothing shared, so a
 * table that does nothing with regions works as it always did. It is never stored; `regio nieuw` makes a real one.
 */
export const ownRegion = (doc: TableDoc): RegionDoc => ({
  schemaVersion: REGION_SCHEMA_VERSION,
  id: doc.table.id,
  name: doc.table.name,
  holidays: doc.table.region,
  municipalities: [],
  rmc: null,
  contact: null,
  officerTitle: "leerplichtambtenaar",
  policy: {},
  fixed: [],
  doorbraak: null,
  // As before regions: an officer may ask the JBT directly until the region says otherwise.
  jbt: "direct",
  tables: [doc.table.id],
  invited: [],
  version: 1,
  createdAt: doc.table.createdAt,
  changes: [],
});

/** Whether this is a region of several tables' making rather than a table's own. */
export const isShared = (region: RegionDoc, doc: TableDoc) =>
  region.id !== doc.table.id || region.tables.length > 1 || region.version > 1;

/** A region's id from its name: `Rijk van Nijmegen` → `rijk-van-nijmegen`. */
export const regionIdFor = (name: string) =>
  name
    .toLocaleLowerCase("nl")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60) || "regio";

/** The overrides a table works with: the region's, and the table's own where the region leaves them free. */
export function overridesOf(region: RegionDoc, own: PolicyOverrides): PolicyOverrides {
  const fixed = new Set<string>(region.fixed);
  const free = Object.fromEntries(Object.entries(own).filter(([k, v]) => v !== undefined && !fixed.has(k)));
  return { ...region.policy, ...free };
}

/** The first setting in `change` the region holds fixed, as its `beleid` word; null when the table may set them all. */
export function fixedIn(region: RegionDoc, change: PolicyOverrides): string | null {
  const field = Object.keys(change).find((k) => region.fixed.includes(k));
  return field === undefined ? null : (keyOfField(field) ?? field);
}

/** The `beleid` word of a policy field (`intakeMode` → `intake`). */
export const keyOfField = (field: string): PolicyKey | undefined =>
  (Object.keys(POLICY_KEYS) as PolicyKey[]).find((k) => POLICY_KEYS[k] === field);

/** The policy a table works with (one place: every rule, card and report reads its policy through this). */
export const policyIn = (region: RegionDoc, own: PolicyOverrides): Policy =>
  policyOf(overridesOf(region, own));

export type PolicySource = "tafel" | "regio" | "regio-vast" | "standaard";

/** A table's policy as stored, under its region's (its own when `region` is null). */
export const policyOfTable = (region: RegionDoc | null, doc: TableDoc): Policy =>
  policyIn(region ?? ownRegion(doc), doc.policy);

/** Where a table's value of one field comes from, as `beleid` shows it. */
export function sourceOf(region: RegionDoc, own: PolicyOverrides, field: keyof Policy): PolicySource {
  const fixed = region.fixed.includes(field);
  if (fixed) return "regio-vast";
  if (own[field] !== undefined) return "tafel";
  return region.policy[field] !== undefined ? "regio" : "standaard";
}

export const municipalityIn = (region: RegionDoc, name: string | null): Municipality | undefined =>
  region.municipalities.find((m) => sameName(m.name, name));

/** A table's members as routing sees them: by table, so an officer at another table can be told. */
export interface Seat {
  tableId: string;
  member: Member;
}

/** How a title reads: `adviseur-leerplicht` → `adviseur leerplicht`. */
export const titleWords = (title: RegionDoc["officerTitle"]) => title.replace("-", " ");
