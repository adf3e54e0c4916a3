import { z } from "zod";

export const SCHOOL_TYPES = ["po", "vo", "mbo"] as const;
export const SchoolType = z.enum(SCHOOL_TYPES);
export type SchoolType = z.infer<typeof SchoolType>;

const weeks = z.number().int().min(1).max(40);
const count = z.number().int().min(0).max(100);

/**
 * A table's rules: the national default plus its own overrides. The legal threshold itself (16 hours in 4 school
 * weeks) is law and not a setting; what a table may set is the warning margin, its local protocol triggers (all
 * off by default, value 0), the tier window and the weekly lesson hours.
 */
export const Policy = z.strictObject({
  margin: z.number().min(0).max(16),
  lateCount: count,
  lateWeeks: weeks,
  sickCount: count,
  sickWeeks: weeks,
  sickHours: z.number().min(0).max(1000),
  sickHoursWeeks: weeks,
  newcomerWeeks: z.number().int().min(0).max(52),
  tierWindow: z.union([z.literal("schooljaar"), weeks]),
  lessonHoursPo: z.number().min(1).max(40),
  lessonHoursVo: z.number().min(1).max(40),
  lessonHoursMbo: z.number().min(1).max(40),
  schoolType: SchoolType,
});
export type Policy = z.infer<typeof Policy>;
export const PolicyOverrides = Policy.partial();
export type PolicyOverrides = z.infer<typeof PolicyOverrides>;

export const NATIONAL_DEFAULT: Policy = {
  margin: 12,
  lateCount: 0,
  lateWeeks: 4,
  sickCount: 0,
  sickWeeks: 12,
  sickHours: 0,
  sickHoursWeeks: 12,
  newcomerWeeks: 0,
  tierWindow: "schooljaar",
  lessonHoursPo: 25,
  lessonHoursVo: 26,
  lessonHoursMbo: 20,
  schoolType: "vo",
};

export const policyOf = (overrides: PolicyOverrides): Policy =>
  Policy.parse({
    ...NATIONAL_DEFAULT,
    ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)),
  });

/** The words partners use in `beleid <sleutel>=<waarde>`, mapped onto the policy. */
export const POLICY_KEYS = {
  "meldgrens.marge": "margin",
  "te-laat.aantal": "lateCount",
  "te-laat.weken": "lateWeeks",
  "ziek.aantal": "sickCount",
  "ziek.weken": "sickWeeks",
  "ziekuren.uren": "sickHours",
  "ziekuren.weken": "sickHoursWeeks",
  "nieuwkomer.weken": "newcomerWeeks",
  "laag.venster": "tierWindow",
  "lesuren.po": "lessonHoursPo",
  "lesuren.vo": "lessonHoursVo",
  "lesuren.mbo": "lessonHoursMbo",
  schooltype: "schoolType",
} as const satisfies Record<string, keyof Policy>;
export type PolicyKey = keyof typeof POLICY_KEYS;

/** Reads `waarde` for one key: numbers with a decimal comma, `schooljaar` or a week count for the tier window. */
export function readPolicyValue(key: PolicyKey, raw: string): PolicyOverrides | null {
  const field = POLICY_KEYS[key];
  const value: unknown =
    field === "schoolType" || (field === "tierWindow" && raw === "schooljaar")
      ? raw
      : Number(raw.replace(",", "."));
  const parsed = PolicyOverrides.safeParse({ [field]: value });
  return parsed.success && raw !== "" ? parsed.data : null;
}

export function lessonHours(policy: Policy, type: SchoolType): number {
  return type === "po" ? policy.lessonHoursPo : type === "vo" ? policy.lessonHoursVo : policy.lessonHoursMbo;
}
