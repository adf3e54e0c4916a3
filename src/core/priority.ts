import { dayNumber } from "./calendar/days.ts";
import type { Case } from "./model.ts";
import type { PriorityRule } from "./protocol-lists.ts";
import type { Evaluation } from "./rules/evaluate.ts";
import { isUnauthorised } from "./rules/threshold.ts";

/**
 * Priority (FR-27, issue #29 item 6): the protocol's rules in its order decide which case goes first on the
 * officer's work list, the waiting list for a consultation hour and the agenda; each case says which rules put it
 * where it is. One place for the rules; `policy.priority` holds their order.
 */

/** Labelled, not from the sources: "rising fast" is at least 4 unauthorised hours in the last 14 days, twice the 14 before. */
const RISING_MIN_HOURS = 4;

function risingFast(c: Case, today: string): boolean {
  const now = dayNumber(today);
  let recent = 0;
  let before = 0;
  for (const s of c.signals) {
    if (s.withdrawnAt !== null || !isUnauthorised(s)) continue;
    const age = now - dayNumber(s.to);
    if (age < 0) continue;
    if (age < 14) recent += s.hours ?? 0;
    else if (age < 28) before += s.hours ?? 0;
  }
  return recent >= RISING_MIN_HOURS && recent >= 2 * before;
}

/** The rules a case meets, in the protocol's order. `since`: when it began waiting (waiting longest). */
export function priorityReasons(
  order: readonly PriorityRule[],
  c: Case,
  e: Evaluation,
  today: string,
): PriorityRule[] {
  const meets = (rule: PriorityRule): boolean => {
    switch (rule) {
      case "absoluut":
        return (
          c.legalBasis === "absoluut-verzuim" || e.triggers.some((h) => h.ruleId === "wet.absoluut-verzuim")
        );
      case "thuiszitter":
        return e.triggers.some((h) => h.ruleId === "wet.thuiszitter");
      case "meldplichtig":
        return e.threshold.status === "meldplichtig";
      case "laag-3":
        return e.tier?.level === 3;
      case "snel-stijgend":
        return risingFast(c, today);
      case "jong":
        return c.ageBand === "5-11";
      case "langst-wachtend":
        // Waiting longest orders ties; it is no reason on its own.
        return false;
    }
  };
  return order.filter(meets);
}

export interface Ranked<T> {
  item: T;
  reasons: PriorityRule[];
  /** When it began waiting: the earlier, the sooner among equals. */
  since: string;
}

/** Sorted first by the most important rule met, then the next, …; then by waiting longest where the protocol says so. */
export function byPriority<T>(order: readonly PriorityRule[], items: Ranked<T>[]): Ranked<T>[] {
  const rank = (r: Ranked<T>) => order.map((rule) => (r.reasons.includes(rule) ? 0 : 1));
  const longest = order.includes("langst-wachtend");
  return [...items].sort((a, b) => {
    const ra = rank(a);
    const rb = rank(b);
    for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return (ra[i] ?? 0) - (rb[i] ?? 0);
    return longest ? a.since.localeCompare(b.since) : 0;
  });
}
