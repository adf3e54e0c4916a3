import { z } from "zod";
import { REGIONS } from "../model.ts";
import raw from "./school-holidays.json" with { type: "json" };

const Span = z
  .tuple([z.iso.date(), z.iso.date()])
  .refine(([from, to]) => from <= to, "holiday ends before it starts");
const Holiday = z.strictObject({ name: z.string(), noord: Span, midden: Span, zuid: Span });

/** The published school holidays, validated when Tafel loads: a broken data file stops the start, not a rule. */
export const SchoolHolidays = z.strictObject({
  version: z.string(),
  note: z.string(),
  years: z.array(
    z.strictObject({
      schoolYear: z.string().regex(/^\d{4}-\d{4}$/),
      status: z.enum(["officieel", "afgeleid"]),
      holidays: z.array(Holiday),
    }),
  ),
});
export type SchoolHolidays = z.infer<typeof SchoolHolidays>;

export const SCHOOL_HOLIDAYS: SchoolHolidays = SchoolHolidays.parse(raw);
export const CALENDAR_REGIONS = REGIONS;

/**
 * The last day the holiday data covers: the end of the last listed school year's summer holiday, in the region
 * whose summer ends first. After it every holiday week would count as a school week.
 */
export function calendarEnd(data: SchoolHolidays = SCHOOL_HOLIDAYS): string {
  const last = data.years.at(-1);
  const summer = last?.holidays.find((h) => h.name === "zomervakantie");
  if (!summer) throw new Error("school-holidays.json: the last school year has no zomervakantie");
  return [summer.noord[1], summer.midden[1], summer.zuid[1]].sort()[0] as string;
}

/** Six months ahead the operator hears it daily; past the end Tafel refuses to start. */
export function calendarStatus(today: string, end = calendarEnd()): "ok" | "ends-soon" | "ended" {
  if (today > end) return "ended";
  const warn = new Date(`${end}T00:00:00Z`);
  warn.setUTCMonth(warn.getUTCMonth() - 6);
  return today >= warn.toISOString().slice(0, 10) ? "ends-soon" : "ok";
}
