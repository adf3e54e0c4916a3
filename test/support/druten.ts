import { blankCase } from "../../src/core/cases.ts";
import { type Case, type Outcome, ROUTE_OF_STEP, type TableDoc } from "../../src/core/model.ts";
import { schoolYear } from "../../src/core/report.ts";
import { newTable } from "../../src/core/table.ts";
import { sig } from "./signals.ts";

const at = "2025-09-15T09:00:00.000Z";
export const year = schoolYear("2025-2026") as NonNullable<ReturnType<typeof schoolYear>>;

/** The Druten 2020-2021 shape (domain.md §5.3, chart reading): 132 processes, 82 relatief, 22 absoluut, 26 zorg, 2 vrijstelling. */
export function druten(): TableDoc {
  const doc = newTable({
    id: "d",
    name: "Druten",
    region: "midden",
    language: "nl",
    conversation: "d",
    chair: { id: "a", handle: "anna" },
    at,
  });
  let n = 0;
  const add = (count: number, basis: Case["legalBasis"], opened = at, extra: Partial<Case> = {}) => {
    for (let i = 0; i < count; i++)
      doc.cases.push({
        ...blankCase(`C-${++n}`, `L-${String(n).padStart(6, "0")}`, "anna", opened),
        legalBasis: basis,
        schoolType: n <= 68 ? "vo" : "po",
        ...extra,
      });
  };
  add(60, "ongeoorloofd-verzuim", at, { notices: ["wet.meldplicht-16u@2025-08-25"] });
  add(22, "ongeoorloofd-verzuim");
  add(22, "absoluut-verzuim");
  add(26, "toestemming-ouders");
  add(2, "vrijstelling");
  add(103, "ongeoorloofd-verzuim", "2024-10-01T09:00:00.000Z");
  const close = (from: number, count: number, outcome: Outcome) => {
    for (let i = from; i < from + count; i++)
      Object.assign(doc.cases[i] as Case, {
        status: "closed",
        outcome,
        closedAt: "2026-06-01T09:00:00.000Z",
      });
  };
  close(0, 52, "schoolgang-hervat");
  close(52, 9, "verwijzing-zorg");
  close(61, 21, "handhaving");
  close(82, 22, "overig");
  close(104, 25, "handhaving");
  const steps = [...Array(40).fill("waarschuwing"), ...Array(4).fill("halt"), ...Array(2).fill("pv")];
  for (const [i, kind] of steps.entries())
    (doc.cases[i % 82] as Case).interventions.push({
      id: `I-${i + 1}`,
      kind,
      date: "2026-02-02",
      by: "piet",
      at,
      ageBand: "12-15",
      consent: true,
      note: null,
      route: ROUTE_OF_STEP.get(kind) ?? null,
      civilVia: null,
      om: null,
    });
  const home: Array<Outcome | null> = [
    "schoolgang-hervat",
    "schoolgang-hervat",
    "18-jaar",
    "vrijstelling",
    null,
    null,
  ];
  home.forEach((outcome, i) => {
    const c = doc.cases[70 + i] as Case;
    c.signals.push(sig("thuiszitter", "2025-09-15"));
    Object.assign(
      c,
      outcome
        ? { status: "closed", outcome, closedAt: "2026-05-01T09:00:00.000Z" }
        : { status: "open", outcome: null, closedAt: null },
    );
  });
  return doc;
}
