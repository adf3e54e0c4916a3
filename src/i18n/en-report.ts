import type { nlReport } from "./nl-report.ts";

/** The annual report (`rapport`), in English. */
export const enReport: Record<keyof typeof nlReport, string> = {
  "report.group.vrijstellingen": "Exemptions by ground",
  "report.group.telling": "Leerplichttelling",
  "report.group.vorig": "Previous school year",
  "report.telling.relatief": "unauthorised absence above the threshold",
  "report.csv.marks": "<{min}: fewer than {min}, not shown; ×: not shown because a total would give it away.",
  "report.csv.group": "group",
  "report.csv.category": "category",
  "report.csv.count": "count",
  "report.csv.previous": "previous school year",
  "report.csv.change": "change (%)",
  "report.chart.title": "Compulsory education work processes, school year {year}",
  "report.chart.subtitle": "Table {table}, compared with school year {previous}",
  "report.chart.axis": "Number of work processes",
  "report.chart.legend": "School year",
  "report.chart.source": "Source: Tafel, table {table}, school year {year}",
  "report.chart.marks": "<{min}: not shown (fewer than {min}); ×: not shown, else derivable from a total",
  "report.title": "Annual report {year} (counts below {min} as <{min})",
  "report.total": "total",
  "report.group.processen": "Work processes",
  "report.group.schooltype": "By school type",
  "report.group.uitstroom": "Outflow",
  "report.group.interventies": "Interventions",
  "report.group.thuiszitters": "Thuiszitters by outcome",
  "report.type.relatief": "unauthorised absence",
  "report.type.absoluut": "not enrolled",
  "report.type.zorg": "care, mediation and advice",
  "report.type.vrijstelling": "exemptions",
  "report.onbekend": "unknown",
  "report.lopend": "ongoing",
  "report.share": "Involved with {pct} of the {pupils} pupils of compulsory age.",
  "report.school":
    "At school level: {advice} pieces of advice to schools, {poortactie} gate actions, {luxe} holiday absence checks, {voorlichting} information sessions, {systemSignals} system signals.",
  "report.below":
    "Further below the threshold: {consultations} anonymous consultations, {meetings} meetings.",
  "report.telling":
    "Leerplichttelling (what OCW asks): {n}, of which {relatief} unauthorised absence reported above the threshold and {absoluut} not enrolled. Other absence (reported below the threshold), apart: {overig}.",
  "report.chart": "Bar chart of work processes by kind, school year {year} beside {previous}: {alt}",
  "kalender.eindigt":
    "Tafel's school holidays run until {end}. After that, holiday weeks count as school weeks and the threshold, reminders and retention are wrong; Tafel then no longer starts. Ask the operator to add the next school year (table {table}).",
};
