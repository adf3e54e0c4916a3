import { buildCalendar, type SchoolCalendar } from "../../src/core/calendar/calendar.ts";
import { blankCase } from "../../src/core/cases.ts";
import type { Case, Region, Signal } from "../../src/core/model.ts";
import { dutchSchoolFreeDays } from "../../src/infra/calendars.ts";

let seq = 0;
/** A signal as the core sees it; `on` is a date or `from..to`. */
export function sig(
  kind: Signal["kind"],
  on: string,
  amount: number | null = null,
  extra: Partial<Signal> = {},
): Signal {
  const [from, to = from] = on.split("..") as [string, string?];
  const counted = kind === "te-laat";
  return {
    id: `S-${++seq}`,
    kind,
    from,
    to,
    hours: counted ? null : amount,
    count: counted ? amount : null,
    school: null,
    note: null,
    origin: "preventive",
    schoolActions: null,
    pattern: null,
    early: [],
    raisedBy: "joost",
    raisedAt: "2026-11-01T09:00:00.000Z",
    withdrawnAt: null,
    ...extra,
  };
}

export function aCase(signals: Signal[], extra: Partial<Case> = {}): Case {
  return {
    ...blankCase("C-1", "L-ABCDEF", "joost", "2026-09-01T09:00:00.000Z"),
    legalBasis: "ongeoorloofd-verzuim",
    signals,
    ...extra,
  };
}

const free = dutchSchoolFreeDays();
const calendars = new Map<Region, SchoolCalendar>();
export function calendar(region: Region): SchoolCalendar {
  let cal = calendars.get(region);
  if (!cal) {
    cal = buildCalendar(region, free);
    calendars.set(region, cal);
  }
  return cal;
}
