import type { SchoolCalendar } from "../calendar/calendar.ts";
import { dateOf, dayNumber } from "../calendar/days.ts";
import { exemptOn } from "../exemptions.ts";
import type { Case } from "../model.ts";
import { lessonHours, type Policy } from "./policy.ts";
import { legalThreshold, type ThresholdResult, wholeDayAbsence } from "./threshold.ts";
import { type TierResult, tier } from "./tier.ts";
import { absoluut, graceEnd, protocolTriggers, type RuleHit, thuiszitter } from "./triggers.ts";

export interface Evaluation {
  threshold: ThresholdResult;
  /** Other rules met: thuiszitter, absoluut verzuim, the table's protocol triggers, a newcomer's grace. */
  triggers: RuleHit[];
  tier: TierResult | null;
}

/**
 * Everything Tafel concludes about one case on one day: pure, and cheap enough to run on every read, so a status
 * is never stale and a new signal recomputes only its own case.
 */
export function evaluateCase(c: Case, cal: SchoolCalendar, policy: Policy, todayDate: string): Evaluation {
  const today = dayNumber(todayDate);
  // Most cases have no withdrawn signal: no copy then, as every read evaluates every case.
  const signals = c.signals.some((s) => s.withdrawnAt !== null)
    ? c.signals.filter((s) => s.withdrawnAt === null)
    : c.signals;
  const grace =
    c.enrolledOn && policy.newcomerWeeks > 0 ? graceEnd(cal, c.enrolledOn, policy.newcomerWeeks) : undefined;
  const schoolType = c.schoolType ?? policy.schoolType;
  const exemption = c.exemption && {
    from: dayNumber(c.exemption.from),
    to: c.exemption.to === null ? null : dayNumber(c.exemption.to),
  };
  const homeDays = c.signals.some((s) => s.kind === "thuiszitter")
    ? wholeDayAbsence(signals, cal, today, lessonHours(policy, schoolType) / 5, exemption)
    : [];
  // The law first: a grace period holds back only the table's own prompts (notices.ts), never this status.
  const threshold = legalThreshold(
    homeDays.length > 0 ? [...signals, ...homeDays] : signals,
    cal,
    today,
    policy.margin,
  );
  const triggers: RuleHit[] = [];
  // An exempted pupil is no thuiszitter: the definition is "zònder vrijstelling" (domain.md TH-04).
  const home = exemptOn(c, todayDate) ? null : thuiszitter(signals, cal, today);
  if (home) triggers.push(home);
  const notEnrolled = absoluut(signals);
  if (notEnrolled) triggers.push(notEnrolled);
  triggers.push(
    ...protocolTriggers(signals, cal, policy, Math.max(0, cal.lesweekUpTo(cal.schoolYearStart(today)))),
  );
  if (grace !== undefined && today < grace)
    triggers.push({
      ruleId: "protocol.nieuwkomer",
      params: { until: dateOf(grace - 1), weeks: policy.newcomerWeeks },
    });
  return { threshold, triggers, tier: tier(signals, cal, policy, schoolType, today) };
}
