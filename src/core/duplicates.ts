import { activeSignals } from "./cases.ts";
import type { Action, Case, Signal } from "./model.ts";

/**
 * What looks like something already recorded, so the sender is asked before it is added twice: two partners
 * reporting the same morning, an agreement typed again after a meeting.
 */

/** Another live signal of the same kind on the case whose period overlaps this one. */
export function sameSignal(c: Case, s: Signal): Signal | undefined {
  return activeSignals(c).find((x) => x.id !== s.id && x.kind === s.kind && x.from <= s.to && s.from <= x.to);
}

/** Case, spacing and the closing full stop do not make an agreement different. */
const wording = (text: string) =>
  text
    .toLocaleLowerCase("nl")
    .replace(/\s+/g, " ")
    .replace(/[.!\s]+$/, "")
    .trim();

/** An open agreement on the case with the same wording. */
export function sameAction(actions: readonly Action[], caseId: string, text: string): Action | undefined {
  const words = wording(text);
  return actions.find((a) => a.caseId === caseId && a.status === "open" && wording(a.text) === words);
}
