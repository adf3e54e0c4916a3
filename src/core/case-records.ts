import type { Action, Decision, TableDoc } from "./model.ts";
import { byNumber } from "./numbered.ts";

interface Positions {
  /** How many elements of the list are indexed, and the last of them as it was then. */
  covered: number;
  tail: object | undefined;
  byCase: Map<string | null, number[]>;
}

const indexes = new WeakMap<readonly object[], Positions>();

/**
 * A case's agreements, decisions or audit events without searching the table's whole list for them on every
 * card: all are only ever appended and never move to another case, so an index of positions per case, kept
 * beside the list, only takes in what was appended since it last looked. A list that got shorter, or whose last
 * indexed element was replaced (a change undone, or rows read from another instance), is indexed anew. For the
 * table as a command left it, not a draft inside one, through which indexing would read every element.
 */
export function positionsOfCase<T extends { caseId: string | null }>(
  list: readonly T[],
  caseId: string | null,
): readonly number[] {
  let index = indexes.get(list);
  if (!index || list.length < index.covered || list[index.covered - 1] !== index.tail) {
    index = { covered: 0, tail: undefined, byCase: new Map() };
    indexes.set(list, index);
  }
  for (let i = index.covered; i < list.length; i++) {
    const id = (list[i] as T).caseId;
    const at = index.byCase.get(id);
    if (at) at.push(i);
    else index.byCase.set(id, [i]);
  }
  index.covered = list.length;
  index.tail = list[list.length - 1];
  return index.byCase.get(caseId) ?? [];
}

const ofCase = <T extends { caseId: string }>(list: readonly T[], caseId: string): T[] =>
  positionsOfCase(list, caseId).map((i) => list[i] as T);

export const actionsOfCase = (doc: TableDoc, caseId: string): Action[] => ofCase(doc.actions, caseId);
export const decisionsOfCase = (doc: TableDoc, caseId: string): Decision[] => ofCase(doc.decisions, caseId);

/**
 * The case a record belongs to: a case by its own id, an agreement, decision, signal or intervention by theirs.
 * Unknown or other ids (a meeting, a member) have none.
 */
export function caseOfRecord(doc: TableDoc, id: string): string | undefined {
  const kind = /^([ABCIS])-[1-9]\d{0,8}$/.exec(id)?.[1];
  if (kind === "C") return byNumber(doc.cases, id)?.id;
  if (kind === "A") return byNumber(doc.actions, id)?.caseId;
  if (kind === "B") return byNumber(doc.decisions, id)?.caseId;
  if (kind === "S") return doc.cases.find((c) => c.signals.some((s) => s.id === id))?.id;
  if (kind === "I") return doc.cases.find((c) => c.interventions.some((i) => i.id === id))?.id;
  return undefined;
}
