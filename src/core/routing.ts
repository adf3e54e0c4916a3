import type { Case, Member } from "./model.ts";
import type { RegionDoc } from "./model-region.ts";
import { may } from "./permissions.ts";
import { municipalityIn, type Seat } from "./region.ts";
import { type Duty, dutyOf, sameName, serving } from "./residence.ts";

/**
 * Where a case goes in its region (FR-03, issue #30): the office competent for the pupil's residence and duty, and
 * that office's officers wherever they sit in the region. Full duty: the municipality's leerplicht office; the
 * qualification duty (16–17): the office that handles it for that municipality [004 L68-70]; 18+: the RMC. When
 * nobody of the office is known, the region's contact hears of it: never nobody.
 */
export interface Route {
  duty: Duty | null;
  /** The municipality as the region knows it, or null when the region does not list it. */
  municipality: string | null;
  office: string | null;
  /** The competent officers, those at the case's own table first. */
  officers: Seat[];
  /** Who hears of the case when there is no officer: the region's contact. */
  contact: RegionDoc["contact"];
  /** Why: message keys with their parameters, in order, for `help routering`. */
  reasons: RouteReason[];
}

export type RouteReason =
  | { key: "route.duty"; duty: Duty | "onbekend" }
  | { key: "route.office"; municipality: string; office: string; qualification: boolean }
  | { key: "route.rmc"; office: string }
  | { key: "route.geen-rmc" }
  | { key: "route.gemeente-onbekend"; municipality: string | null }
  | { key: "route.serving"; n: number }
  | { key: "route.elders"; tables: number }
  | { key: "route.contact" }
  | { key: "route.niemand" };

/** The office competent for a case in this region, with the reasons; null when the region cannot say. */
export function officeFor(region: RegionDoc, c: Pick<Case, "municipality" | "ageBand">) {
  const duty = dutyOf(c.ageBand);
  const reasons: RouteReason[] = [{ key: "route.duty", duty: duty ?? "onbekend" }];
  const place = municipalityIn(region, c.municipality);
  if (duty === "geen") {
    reasons.push(region.rmc ? { key: "route.rmc", office: region.rmc } : { key: "route.geen-rmc" });
    return { duty, place, office: region.rmc, reasons };
  }
  if (!place) {
    reasons.push({ key: "route.gemeente-onbekend", municipality: c.municipality });
    return { duty, place, office: null, reasons };
  }
  const qualification = duty === "kwalificatie" && place.qualificationOffice !== null;
  const office = qualification ? (place.qualificationOffice as string) : place.office;
  reasons.push({ key: "route.office", municipality: place.name, office, qualification });
  return { duty, place, office, reasons };
}

/**
 * The route of a case at `tableId`, over the seats of all the region's tables. Without an office the region names,
 * the officers who serve the pupil's municipality are competent, as at a table of its own (`serving`).
 */
export function routeOf(
  region: RegionDoc,
  tableId: string,
  c: Pick<Case, "municipality" | "ageBand">,
  seats: readonly Seat[],
): Route {
  const { duty, place, office, reasons } = officeFor(region, c);
  const task = duty === "geen" ? "rmc-taak" : "leerplicht-taak";
  const able = seats.filter((s) => may(s.member, task));
  const byOffice = office === null ? [] : able.filter((s) => sameName(s.member.organisation, office));
  const serves = (municipality: string | null) => (s: Seat) =>
    serving([s.member], { municipality }).length > 0;
  // Of the office, those who serve the municipality first; without an office, those who serve it at all.
  const local = byOffice.filter(serves(place?.name ?? c.municipality));
  let officers = local.length ? local : byOffice;
  if (officers.length === 0 && office === null && duty !== "geen") {
    officers = able.filter(serves(c.municipality));
    if (officers.length) reasons.push({ key: "route.serving", n: officers.length });
  }
  const ordered = [
    ...officers.filter((s) => s.tableId === tableId),
    ...officers.filter((s) => s.tableId !== tableId),
  ];
  const elsewhere = new Set(ordered.filter((s) => s.tableId !== tableId).map((s) => s.tableId)).size;
  if (ordered.length > 0 && ordered.every((s) => s.tableId !== tableId))
    reasons.push({ key: "route.elders", tables: elsewhere });
  if (ordered.length === 0)
    reasons.push(region.contact ? { key: "route.contact" } : { key: "route.niemand" });
  return {
    duty,
    municipality: place?.name ?? null,
    office,
    officers: ordered,
    contact: ordered.length === 0 ? region.contact : null,
    reasons,
  };
}

/**
 * Per-case access by competence (domain.md §7 item 10, issue #30): in a region that names the offices of its
 * municipalities, an officer sees the cases their office is competent for, and those they hold regie of or
 * investigate; the others are "andere gemeente" to them. Everyone else, and a case whose municipality the region
 * does not name, is as before.
 */
export function competentFor(region: RegionDoc, m: Member, c: Case): boolean {
  if (!may(m, "leerplicht-taak") && !may(m, "rmc-taak")) return true;
  if (c.regie?.holder === m.id || c.investigations.some((i) => i.officer === m.id)) return true;
  const { office } = officeFor(region, c);
  return office === null || sameName(m.organisation, office);
}
