import type { Relation } from "./disclosure.ts";
import { EXEMPTION_GROUNDS, INTERVENTIONS, MAS_ROUTES, OUTCOMES } from "./model.ts";
import { ROUTES, SLOT_RESULTS } from "./protocol-lists.ts";
import { type AnnualFigures, PROCESS_TYPES } from "./report.ts";

/** A published group: its cells in order and the cell that is their total (some groups share one). */
export interface ReportGroup {
  id:
    | "processen"
    | "schooltype"
    | "telling"
    | "uitstroom"
    | "interventies"
    | "thuiszitters"
    | "vrijstellingen"
    | "routes"
    | "masroutes"
    | "spreekuur"
    | "vorig";
  cells: readonly string[];
  total: string;
}

const ids = (prefix: string, keys: readonly string[]) => keys.map((k) => `${prefix}.${k}`);

/**
 * The report as cells (`processen.relatief`) and the sums it publishes, this year and the year before: every
 * group's total, the school types adding up to the same total as the processes, the leerplichttelling over
 * reported relative and absolute absence, and relative absence split into reported and "overig verzuim". The
 * disclosure check and the suppression read these relations; the summary, the CSV and the chart read the cells.
 */
export function reportTable(now: AnnualFigures, before: AnnualFigures) {
  const values = new Map<string, number>();
  const put = (prefix: string, cells: Record<string, number>) => {
    for (const [k, n] of Object.entries(cells)) values.set(`${prefix}.${k}`, n);
  };
  put("processen", now.processes);
  values.set("processen.totaal", now.total);
  put("schooltype", now.schoolTypes);
  values.set("telling.relatief", now.telling.relatief);
  values.set("telling.totaal", now.telling.relatief + now.telling.absoluut);
  values.set("overig.verzuim", now.belowThreshold.processes);
  values.set("onder.consultaties", now.belowThreshold.consultations);
  values.set("onder.overleggen", now.belowThreshold.meetings);
  values.set("spreekuur.wachtend", now.consultation.waitingNow);
  values.set("masroutes.R6", now.masCombined);
  values.set("thuisziek.leerlingen", now.homeSick);
  for (const [group, cells] of [
    ["uitstroom", now.outflow],
    ["interventies", now.interventions],
    ["thuiszitters", now.thuiszitters],
    ["vrijstellingen", now.exemptions],
    ["routes", now.routes],
    ["masroutes", now.masRoutes],
    ["spreekuur", now.consultation.outcomes],
  ] as const) {
    put(group, cells);
    values.set(
      `${group}.totaal`,
      Object.values(cells).reduce((a, b) => a + b, 0),
    );
  }
  put("vorig", before.processes);
  values.set("vorig.totaal", before.total);

  const groups: ReportGroup[] = [
    { id: "processen", cells: ids("processen", PROCESS_TYPES), total: "processen.totaal" },
    {
      id: "schooltype",
      cells: ids("schooltype", ["po", "vo", "mbo", "onbekend"]),
      total: "processen.totaal",
    },
    { id: "telling", cells: ["telling.relatief", "processen.absoluut"], total: "telling.totaal" },
    { id: "uitstroom", cells: ids("uitstroom", OUTCOMES), total: "uitstroom.totaal" },
    { id: "interventies", cells: ids("interventies", INTERVENTIONS), total: "interventies.totaal" },
    { id: "thuiszitters", cells: ids("thuiszitters", [...OUTCOMES, "lopend"]), total: "thuiszitters.totaal" },
    { id: "vrijstellingen", cells: ids("vrijstellingen", EXEMPTION_GROUNDS), total: "vrijstellingen.totaal" },
    { id: "routes", cells: ids("routes", ROUTES), total: "routes.totaal" },
    { id: "masroutes", cells: ids("masroutes", MAS_ROUTES), total: "masroutes.totaal" },
    { id: "spreekuur", cells: ids("spreekuur", [...SLOT_RESULTS, "open"]), total: "spreekuur.totaal" },
    { id: "vorig", cells: ids("vorig", PROCESS_TYPES), total: "vorig.totaal" },
  ];
  const relations: Relation[] = [
    ...groups.map((g) => ({ parts: g.cells, total: g.total })),
    { parts: ["telling.relatief", "overig.verzuim"], total: "processen.relatief" },
  ];
  return { values, groups, relations };
}
