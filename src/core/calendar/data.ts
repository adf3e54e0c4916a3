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
