import { openMeetingId } from "./actions.ts";
import { actionsOfCase } from "./case-records.ts";
import type { Action, Case, Mdo, TableDoc } from "./model.ts";
import { fail, ok, type Result } from "./result.ts";

/**
 * The MDO on record (FR-41, issue #31 item 2): who took part — each partner by function, and whether the parents and
 * the child were present, consented without attending, or neither — the causes the table sees, and the joint plan
 * as the agreements made with it. An MDO without the parents' presence or consent says so wherever it is shown.
 */

export type MdoInput = Omit<Mdo, "id" | "at" | "by" | "meetingId">;

export function recordMdo(doc: TableDoc, c: Case, by: string, input: MdoInput, at: string): Result<Mdo> {
  if (c.pupilKey === null) return fail("consult-geen-leerling", { id: c.id });
  if (c.status === "closed") return fail("casus-al-gesloten", { id: c.id });
  doc.counters.mdo++;
  const mdo: Mdo = { id: `MDO-${doc.counters.mdo}`, at, by, meetingId: openMeetingId(doc), ...input };
  c.mdos.push(mdo);
  return ok(mdo);
}

/** The joint plan: the case's agreements made from this MDO until the next one. */
export function planOf(doc: TableDoc, c: Case, mdo: Mdo): Action[] {
  const next = c.mdos.find((m) => m.at > mdo.at)?.at ?? "9999";
  return actionsOfCase(doc, c.id).filter((a) => a.createdAt >= mdo.at && a.createdAt < next);
}

/** Neither present nor consenting: the MDO was held without the parents (the sources ask for them, [003 L333]). */
export const withoutParents = (m: Mdo) => m.parents === "niet";
