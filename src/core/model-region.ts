import { z } from "zod";
import { Region as HolidayRegion } from "./model.ts";
import { Instant } from "./model-school.ts";
import { PolicyOverrides } from "./rules/policy.ts";

/**
 * A region (issue #30, domain.md FR-01, FR-03, FR-34): the tables of one leerplicht organisation share a profile
 * (scenario and intake, the protocol, the officer's title, policy defaults) and route a pupil to the competent
 * office by residence and age band. It is a record of its own in the store, beside the tables; a table no region
 * lists is a region of its own (`ownRegion`), which is how every table stood before regions existed.
 */
export const REGION_SCHEMA_VERSION = 1;

/** What the region calls its officer [003 L341]: shown instead of the fixed word, and read as that function. */
export const OFFICER_TITLES = ["leerplichtambtenaar", "leerrechtconsulent", "adviseur-leerplicht"] as const;
export type OfficerTitle = (typeof OFFICER_TITLES)[number];

/** Whether the region's officers may ask the JBT directly or go through the sociaal team [004 L376-378]. */
export const JBT_ROUTES = ["direct", "sociaal-team"] as const;

const Name = z.string().trim().min(1).max(80);

/**
 * A municipality of the region and the offices competent for its pupils [004 L68-70]: leerplicht for the full
 * duty, and the office that handles the qualification duty (16–17) where it is another (Druten → Bureau
 * Leerplicht Nijmegen).
 */
export const Municipality = z.strictObject({
  name: Name,
  office: Name,
  qualificationOffice: Name.nullable(),
});
export type Municipality = z.infer<typeof Municipality>;

/** A change to the region's profile, by whom at which table: the region's own audit trail. */
export const RegionChange = z.strictObject({
  at: Instant,
  tableId: z.string().min(1),
  by: z.string().min(1),
  what: z.string().max(400),
});

export const RegionDoc = z.strictObject({
  schemaVersion: z.literal(REGION_SCHEMA_VERSION),
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,59}$/),
  name: Name,
  /** The school-holiday region its tables' calendars follow. */
  holidays: HolidayRegion,
  municipalities: z.array(Municipality),
  /** The RMC function for 18–23-year-olds without a start qualification. */
  rmc: Name.nullable(),
  /** Who hears of a case when no competent officer is known: a member of one of the region's tables. */
  contact: z.strictObject({ tableId: z.string().min(1), memberId: z.string().min(1) }).nullable(),
  officerTitle: z.enum(OFFICER_TITLES),
  /** Policy the region sets for all its tables; `fixed` names the fields a table may not set itself. */
  policy: PolicyOverrides,
  fixed: z.array(z.string()),
  /** The table the region's stuck cases go to (FR-33). */
  doorbraak: z.string().min(1).nullable(),
  jbt: z.enum(JBT_ROUTES),
  /** Its tables, and the tables invited to join (a table joins by its own chair's word). */
  tables: z.array(z.string().min(1)),
  invited: z.array(z.string().min(1)),
  /** Raised by every save; a save made on an older version is refused, as another instance wrote first. */
  version: z.number().int().min(1),
  createdAt: Instant,
  changes: z.array(RegionChange),
});
export type RegionDoc = z.infer<typeof RegionDoc>;
