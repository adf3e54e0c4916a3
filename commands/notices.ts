import { findCase } from "../src/core/cases.ts";
import type { Member, TableDoc } from "../src/core/model.ts";
import { addressees } from "../src/core/permissions.ts";
import { servingFirst } from "../src/core/residence.ts";
import { onAuthorisedAbsence } from "../src/core/rules/catalogue.ts";
import type { CaseNotice } from "../src/core/rules/notices.ts";
import { activeMembers } from "../src/core/table.ts";
import { healthShared, num } from "./render.ts";
import { thresholdLine, triggerLine, windowWords } from "./rules-render.ts";
import type { Button, CommandContext, Post } from "./types.ts";

/**
 * What the table hears when a case crosses a rule. The legal threshold is also told directly to who reports to
 * DUO (`duo-melden`: the school's zorg- and verzuimcoördinator): the report is theirs to make, and Tafel does
 * not make it for them. A case nearing the threshold is told to `meldgrens-horen` (leerplicht) only, privately.
 */
export function noticePosts(
  w: Pick<CommandContext, "t" | "lang">,
  doc: TableDoc,
  notices: readonly CaseNotice[],
): Post[] {
  const tableId = doc.table.id;
  return notices.flatMap((n): Post[] => {
    if (n.kind === "trigger") {
      const text = w.t("notice.trigger", { id: n.caseId, line: triggerLine(w, n.hit) });
      const c = findCase(doc, n.caseId);
      // Sickness is health data: without the parents' consent or an exemption procedure it is told only to who
      // may see it, never to the whole table, so leerplicht gets no sick detail without a basis (PR-05, §7.2.3).
      if (onAuthorisedAbsence(n.hit.ruleId) && !(c && healthShared(c)))
        return addressees(activeMembers(doc), "gezondheid-zien").map((m) => ({
          to: { kind: "member", tableId, id: m.id, handle: m.handle },
          text,
          buttons: [{ label: w.t("button.open", { id: n.caseId }), run: `casus ${n.caseId}` }],
        }));
      return [{ to: { kind: "table", tableId }, caseId: n.caseId, text }];
    }
    const win = n.threshold.window;
    const figures = {
      id: n.caseId,
      table: doc.table.name,
      hours: num(n.threshold.hours, w.lang),
      ...(win ? windowWords(w, win) : { weeks: "", period: "" }),
    };
    const members = activeMembers(doc);
    const open: Button = { label: w.t("button.open", { id: n.caseId }), run: `casus ${n.caseId}` };
    if (n.kind === "nadert") {
      // Leerplicht of the pupil's residence municipality first (FR-03).
      const c = findCase(doc, n.caseId);
      const officers = addressees(members, "meldgrens-horen");
      return (c ? servingFirst(officers, c) : officers).map((m) => ({
        to: { kind: "member", tableId, id: m.id, handle: m.handle },
        text: w.t("notice.nadert.dm", figures),
        buttons: [open],
      }));
    }
    const dm = (m: Member): Post => ({
      to: { kind: "member", tableId, id: m.id, handle: m.handle },
      text: w.t("notice.threshold.dm", figures),
      buttons: [{ label: w.t("button.gemeld", { id: n.caseId }), run: `gemeld ${n.caseId}` }, open],
    });
    return [
      {
        to: { kind: "table", tableId },
        caseId: n.caseId,
        headline: w.t("draad.meldplichtig", { id: n.caseId }),
        text: w.t("notice.threshold", { id: n.caseId, line: thresholdLine(w, n.threshold) }),
        buttons: [open, { label: w.t("button.regie.case", { id: n.caseId }), run: `regie ${n.caseId} neem` }],
      },
      ...addressees(members, "duo-melden").map(dm),
    ];
  });
}

/** A DUO report that was owed and is not any more (a withdrawn signal): told to the table and to who reports. */
export function reportNoLongerDue(
  w: Pick<CommandContext, "t" | "lang">,
  doc: TableDoc,
  caseId: string,
  signal: string,
): Post[] {
  const tableId = doc.table.id;
  const text = w.t("duo.niet-meer", { id: caseId, signal });
  return [
    { to: { kind: "table", tableId }, caseId, text },
    ...addressees(activeMembers(doc), "duo-melden").map(
      (m): Post => ({ to: { kind: "member", tableId, id: m.id, handle: m.handle }, text }),
    ),
  ];
}
