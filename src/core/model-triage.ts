import { z } from "zod";
import { Instant, LocalDate } from "./model-school.ts";
import { FUNCTIONS } from "./permissions.ts";
import { CAUSES, LEVELS, ROUTES, SLOT_RESULTS } from "./protocol-lists.ts";

/**
 * The triage pipeline's records (issue #29): the officer's investigation of a case, and the consultation hours
 * with their bookings and waiting list. Part of the table document (model.ts).
 */

/** What an investigation found (FR-21, [003 L860]): causes, severity, risk, the proposed route. */
export const Finding = z.strictObject({
  causes: z.array(z.enum(CAUSES)),
  severity: z.enum(LEVELS),
  risk: z.enum(LEVELS),
  next: z.enum(ROUTES).nullable(),
  note: z.string().nullable(),
  at: Instant,
  by: z.string(),
});
export type Finding = z.infer<typeof Finding>;

/** `onderzoek C-n`: the competent officer looks into a signal, by a due date (FR-21). */
export const Investigation = z.strictObject({
  id: z.string(),
  officer: z.string(),
  due: LocalDate,
  openedBy: z.string(),
  openedAt: Instant,
  /** The phase it was gathered in (FR-28), as a signal's. */
  origin: z.enum(["preventive", "statutory"]),
  finding: Finding.nullable(),
});
export type Investigation = z.infer<typeof Investigation>;

export const Booking = z.strictObject({
  caseId: z.string(),
  at: Instant,
  by: z.string(),
  /** When it began waiting, for a case placed from the waiting list: the waiting time the report counts. */
  waitedSince: Instant.nullable(),
  outcome: z
    .strictObject({
      result: z.enum(SLOT_RESULTS),
      next: z.enum(ROUTES).nullable(),
      note: z.string().nullable(),
      at: Instant,
      by: z.string(),
    })
    .nullable(),
});
export type Booking = z.infer<typeof Booking>;

/** A consultation hour the officer (or JGZ) holds (FR-24): when, where, how many cases fit. */
export const Slot = z.strictObject({
  id: z.string(),
  date: LocalDate,
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  place: z.string().nullable(),
  online: z.boolean(),
  capacity: z.number().int().min(1).max(50),
  host: z.string(),
  at: Instant,
  bookings: z.array(Booking),
});
export type Slot = z.infer<typeof Slot>;

/** How parents and the child took part in an MDO [003 L333]: present, consented without attending, or not. */
export const PRESENCE = ["aanwezig", "toestemming", "niet"] as const;

/**
 * An MDO on a case (FR-41, issue #31 item 2): "school, ouders, het kind en externe experts" on causes and a joint plan
 * [003 L333; 004 L48-51, L216-217]. Partners by function, never by name; the plan is the agreements made with it.
 */
export const Mdo = z.strictObject({
  id: z.string(),
  at: Instant,
  by: z.string(),
  meetingId: z.string().nullable(),
  partners: z.array(z.enum(FUNCTIONS)),
  parents: z.enum(PRESENCE),
  child: z.enum(PRESENCE),
  causes: z.array(z.enum(CAUSES)),
  note: z.string().nullable(),
});
export type Mdo = z.infer<typeof Mdo>;

/** Whether an agreement worked, asked on its review date (FR-23): `werkt-niet` puts the case on the agenda. */
export const REVIEW_RESULTS = ["werkt", "werkt-niet", "te-vroeg"] as const;
export const Review = z.strictObject({ result: z.enum(REVIEW_RESULTS), at: Instant, by: z.string() });
export type Review = z.infer<typeof Review>;

/** A case waiting for a consultation hour: placed by priority when one opens up. */
export const Waiting = z.strictObject({ caseId: z.string(), since: Instant, by: z.string() });
export type Waiting = z.infer<typeof Waiting>;
