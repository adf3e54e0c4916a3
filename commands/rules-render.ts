import { dateOf } from "../src/core/calendar/days.ts";
import { formatDate } from "../src/core/dates.ts";
import { statutoryTask } from "../src/core/intake.ts";
import type { Case } from "../src/core/model.ts";
import { onAuthorisedAbsence, RULES, type RuleId } from "../src/core/rules/catalogue.ts";
import type { Evaluation } from "../src/core/rules/evaluate.ts";
import type { ThresholdResult, WeekWindow } from "../src/core/rules/threshold.ts";
import type { TierResult } from "../src/core/rules/tier.ts";
import type { RuleHit } from "../src/core/rules/triggers.ts";
import { num } from "./render.ts";
import type { CommandContext } from "./types.ts";

type Words = Pick<CommandContext, "t" | "lang">;

/** `3 t/m 28 nov`, `3 nov t/m 5 dec`, or both dates in full across a year end. */
export function period(w: Words, from: string, to: string): string {
  const [a, b] = [formatDate(from, w.lang).split(" "), formatDate(to, w.lang).split(" ")];
  if (a[2] === b[2] && a[1] === b[1])
    return w.t("rule.period.month", { d1: a[0] ?? "", d2: b[0] ?? "", month: b[1] ?? "", year: b[2] ?? "" });
  if (a[2] === b[2]) return `${a[0]} ${a[1]} ${w.lang === "nl" ? "t/m" : "–"} ${b.join(" ")}`;
  return `${a.join(" ")} ${w.lang === "nl" ? "t/m" : "–"} ${b.join(" ")}`;
}

/** A window as people read it: `lesweken 45–48` and `2 t/m 23 nov 2026`. */
export const windowWords = (w: Words, win: WeekWindow) => ({
  weeks:
    win.firstWeek === win.lastWeek
      ? w.t("rule.week", { w: win.firstWeek })
      : w.t("rule.weeks", { w1: win.firstWeek, w2: win.lastWeek }),
  period: period(w, dateOf(win.from), dateOf(win.to)),
});

export function thresholdLine(w: Words, r: ThresholdResult): string {
  if (!r.window) return w.t("rule.onder.none");
  const line = w.t(`rule.${r.status}`, { hours: num(r.hours, w.lang), ...windowWords(w, r.window) });
  return r.outside.length ? `${line} ${w.t("rule.outside", { ids: r.outside.join(", ") })}` : line;
}

export function triggerLine(w: Words, hit: RuleHit): string {
  const p = hit.params;
  const dates = Object.fromEntries(
    Object.entries(p).map(([k, v]) => [
      k,
      typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v)
        ? formatDate(v, w.lang)
        : typeof v === "number"
          ? num(v, w.lang)
          : v,
    ]),
  );
  const line = ruleLine(
    w,
    hit.ruleId,
    w.t(`rule.${hit.ruleId}`, {
      ...dates,
      ...(hit.window ? { period: windowWords(w, hit.window).period } : {}),
    }),
  );
  // A school's own setting names its school, where a table serves several (FR-04).
  const own = hit.school ? `${line} ${w.t("rule.school", { school: hit.school })}` : line;
  return onAuthorisedAbsence(hit.ruleId) ? `${own} ${w.t("rule.caveat.geoorloofd")}` : own;
}

/** What kind of rule this is, in words, from the catalogue: `wet`, `lokaal protocol`. */
export const legalWord = (w: Words, id: RuleId) => w.t(`legal.${RULES[id].legalStatus}`);

/** A rule's line with its title and kind: `Te laat (lokaal protocol): 3× te laat in 4 lesweken …`. */
export const ruleLine = (w: Words, id: RuleId, text: string) =>
  w.t("rule.line", { title: w.t(`ruletitle.${id}`), status: legalWord(w, id), text });

export function tierLine(w: Words, r: TierResult | null): string {
  if (!r) return w.t("rule.tier.none");
  return w.t(r.severe ? "rule.tier.severe" : "rule.tier", {
    level: r.level,
    // The tier in words (domain.md TH-06..08: 003 L576, L582, L871).
    name: w.t(`tier.name.${r.level}`),
    attendance: num(Math.round(r.attendance * 1000) / 10, w.lang),
    scheduled: num(r.scheduledHours, w.lang),
    type: r.schoolType.toUpperCase(),
    since: formatDate(dateOf(r.from), w.lang),
  });
}

/** The few words a list line carries: "meldplichtig · laag 3". */
export function statusWords(w: Words, e: Evaluation): string {
  const words: string[] = [];
  if (e.threshold.status !== "onder") words.push(w.t(`list.${e.threshold.status}`));
  if (e.tier && e.tier.level > 1) words.push(w.t("list.tier", { level: e.tier.level }));
  return words.join(" · ");
}

/** The rule results as the export carries them (schema v1, fields added in Tafel's rules release). */
export function exportRules(w: Words, c: Case, e: Evaluation) {
  return {
    // Export v2: whether the law gives leerplicht a task on the case today (domain.md key rule 3).
    legalTask: statutoryTask(c, e),
    threshold: {
      status: e.threshold.status,
      hours: e.threshold.hours,
      window: e.threshold.window
        ? { from: dateOf(e.threshold.window.from), to: dateOf(e.threshold.window.to) }
        : null,
      ruleId: e.threshold.ruleId,
      explanation: thresholdLine(w, e.threshold),
    },
    // Export v3: each trigger's kind of rule, and whether it is about authorised absence, which no school is
    // bound or even entitled to report (PR-05): its explanation says so too.
    triggers: e.triggers.map((hit) => ({
      ruleId: hit.ruleId,
      legalStatus: RULES[hit.ruleId].legalStatus,
      authorisedAbsence: onAuthorisedAbsence(hit.ruleId),
      explanation: triggerLine(w, hit),
    })),
    tier: e.tier ? { level: e.tier.level, severe: e.tier.severe, attendance: e.tier.attendance } : null,
  };
}
