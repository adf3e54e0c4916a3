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
export function evaluateCase(
  c: Case,
  cal: SchoolCalendar,
  policy: Policy,
  todayDate: string,
  /** The school whose own protocol triggers `policy` holds (school-policy.ts): its protocol hits name it. */
  school: string | null = null,
): Evaluation {
  const today = dayNumber(todayDate);
  // One look at the signals says which rules can apply at all: every read evaluates every case, and most cases
  // have no withdrawn signal, no thuiszitter and no absolute absence.
  let withdrawn = false;
  let home = false;
  let absent = false;
  for (const s of c.signals) {
    if (s.withdrawnAt !== null) withdrawn = true;
    else if (s.kind === "thuiszitter") home = true;
    else if (s.kind === "absoluut") absent = true;
  }
  const signals = withdrawn ? c.signals.filter((s) => s.withdrawnAt === null) : c.signals;
  const schoolType = c.schoolType ?? policy.schoolType;
  const yearStart = Math.max(0, cal.lesweekUpTo(cal.schoolYearStart(today)));
  const homeDays = home
    ? wholeDayAbsence(signals, cal, today, lessonHours(policy, schoolType) / 5, exemptDays(c))
    : [];
  // The law first: a grace period holds back only the table's own prompts (notices.ts), never this status.
  const threshold = legalThreshold(
    homeDays.length > 0 ? [...signals, ...homeDays] : signals,
    cal,
    today,
    policy.margin,
    yearStart,
  );
  const triggers: RuleHit[] = [];
  // An exempted pupil is no thuiszitter: the definition is "zònder vrijstelling" (domain.md TH-04).
  const homeHit = home && !exemptOn(c, todayDate) ? thuiszitter(signals, cal, today) : null;
  if (homeHit) triggers.push(homeHit);
  const notEnrolled = absent ? absoluut(signals) : null;
  if (notEnrolled) triggers.push(notEnrolled);
  if (policy.lateCount > 0 || policy.sickCount > 0 || policy.sickHours > 0)
    for (const hit of protocolTriggers(signals, cal, policy, yearStart))
      triggers.push(school === null ? hit : { ...hit, school });
  const grace =
    c.enrolledOn && policy.newcomerWeeks > 0 ? graceEnd(cal, c.enrolledOn, policy.newcomerWeeks) : undefined;
  if (grace !== undefined && today < grace)
    triggers.push({
      ruleId: "protocol.nieuwkomer",
      params: { until: dateOf(grace - 1), weeks: policy.newcomerWeeks },
      ...(school === null ? {} : { school }),
    });
  return { threshold, triggers, tier: tier(signals, cal, policy, schoolType, today) };
}

/** The days of the pupil's exemption, if any. */
const exemptDays = (c: Case) =>
  c.exemption && {
    from: dayNumber(c.exemption.from),
    to: c.exemption.to === null ? null : dayNumber(c.exemption.to),
  };
