import type { Case, Member, Slot, TableDoc, Waiting } from "./model.ts";
import { may, refusal } from "./permissions.ts";
import { byPriority, type Ranked } from "./priority.ts";
import type { PriorityRule, Route, SlotResult } from "./protocol-lists.ts";
import { fail, ok, type Result } from "./result.ts";

/**
 * Consultation hours (FR-24, issue #29 item 5): the officer or JGZ holds them, a case is booked into one with room
 * or waits, and "hun agenda is altijd vol" [001 L205]: so the waiting list is ordered by the protocol's priority,
 * and a slot that opens takes the first waiting cases.
 */

export const slotById = (doc: TableDoc, id: string): Slot | undefined => doc.slots.find((s) => s.id === id);
export const freeSeats = (s: Slot) => s.capacity - s.bookings.length;

/** A case's booking that has no outcome yet, and its slot. */
export function pendingBooking(doc: TableDoc, caseId: string) {
  for (const slot of doc.slots)
    for (const booking of slot.bookings)
      if (booking.caseId === caseId && booking.outcome === null) return { slot, booking };
  return undefined;
}

export interface SlotInput {
  date: string;
  time: string;
  place: string | null;
  online: boolean;
  capacity: number;
}

export function publishSlot(
  doc: TableDoc,
  me: Member,
  input: SlotInput,
  at: string,
  today: string,
): Result<Slot> {
  if (!may(me, "spreekuur-houden")) return refusal(me, "spreekuur-houden");
  if (input.date < today) return fail("datum-verleden");
  if (!input.online && input.place === null) return fail("spreekuur-waar");
  doc.counters.slot++;
  const slot: Slot = { id: `SP-${doc.counters.slot}`, ...input, host: me.id, at, bookings: [] };
  doc.slots.push(slot);
  return ok(slot);
}

/**
 * The waiting list in the order it is served: by the protocol's priority rules, then who waited longest. `rank`
 * gives a waiting case's reasons (the rules it meets, from the case and its evaluation).
 */
export function waitingInOrder(
  doc: TableDoc,
  order: readonly PriorityRule[],
  rank: (caseId: string) => PriorityRule[],
): Ranked<Waiting>[] {
  return byPriority(
    order,
    doc.waiting.map((w) => ({ item: w, reasons: rank(w.caseId), since: w.since })),
  );
}

/** Seats a slot's free places with the first waiting cases; says which were placed. */
export function fillFromWaiting(doc: TableDoc, slot: Slot, ordered: Ranked<Waiting>[], at: string): string[] {
  const placed = ordered.slice(0, Math.max(0, freeSeats(slot))).map((r) => r.item);
  for (const w of placed)
    slot.bookings.push({ caseId: w.caseId, at, by: w.by, waitedSince: w.since, outcome: null });
  if (placed.length) doc.waiting = doc.waiting.filter((w) => !placed.includes(w));
  return placed.map((w) => w.caseId);
}

/**
 * Books a case: into the slot named, or the first coming slot with room; with none, onto the waiting list. A
 * named slot that is full is refused, saying when the next with room is, or that the case can wait.
 */
export function bookCase(
  doc: TableDoc,
  c: Case,
  me: Member,
  slotId: string | null,
  at: string,
  today: string,
): Result<{ slot: Slot | null }> {
  if (!may(me, "spreekuur-boeken")) return refusal(me, "spreekuur-boeken");
  if (c.status === "closed") return fail("casus-al-gesloten", { id: c.id });
  if (c.pupilKey === null) return fail("triage-anoniem", { id: c.id });
  const pending = pendingBooking(doc, c.id);
  if (pending) return fail("spreekuur-al-geboekt", { id: c.id, slot: pending.slot.id });
  if (doc.waiting.some((w) => w.caseId === c.id)) return fail("spreekuur-wacht-al", { id: c.id });
  const coming = doc.slots.filter((s) => s.date >= today);
  const slot = slotId === null ? coming.find((s) => freeSeats(s) > 0) : slotById(doc, slotId);
  if (slotId !== null) {
    if (!slot) return fail("spreekuur-onbekend", { id: slotId });
    if (slot.date < today) return fail("datum-verleden");
    if (freeSeats(slot) <= 0) return fail("spreekuur-vol", { id: slot.id, capacity: slot.capacity });
  }
  if (!slot) {
    doc.waiting.push({ caseId: c.id, since: at, by: me.id });
    return ok({ slot: null });
  }
  slot.bookings.push({ caseId: c.id, at, by: me.id, waitedSince: null, outcome: null });
  return ok({ slot });
}

/** What came of it: the slot's host records it (or the chair); a next route feeds the triage. */
export function slotOutcome(
  doc: TableDoc,
  c: Case,
  me: Member,
  input: { result: SlotResult; next: Route | null; note: string | null },
  at: string,
): Result<{ slot: Slot }> {
  const pending = pendingBooking(doc, c.id);
  if (!pending) return fail("spreekuur-geen-boeking", { id: c.id });
  if (pending.slot.host !== me.id && !may(me, "werk-van-anderen"))
    return fail("spreekuur-niet-van-jou", { id: pending.slot.id });
  pending.booking.outcome = { ...input, at, by: me.id };
  return ok({ slot: pending.slot });
}

/** Takes a case off the waiting list (closed, or booked elsewhere). */
export function leaveWaiting(doc: TableDoc, caseId: string): void {
  if (doc.waiting.some((w) => w.caseId === caseId))
    doc.waiting = doc.waiting.filter((w) => w.caseId !== caseId);
}
