import type { TableDoc } from "../src/core/model.ts";
import type { CaseNotice } from "../src/core/rules/notices.ts";
import { num } from "./render.ts";
import { thresholdLine, triggerLine, windowWords } from "./rules-render.ts";
import type { CommandContext, Post } from "./types.ts";

/**
 * What the table hears when a case crosses a rule. The legal threshold is also told to each school member
 * directly: the DUO report is theirs to make, and Tafel does not make it for them. A case nearing the threshold
 * is told to the table's leerplicht members only, privately.
 */
export function noticePosts(
  w: Pick<CommandContext, "t" | "lang">,
  doc: TableDoc,
  notices: readonly CaseNotice[],
): Post[] {
  const tableId = doc.table.id;
  return notices.flatMap((n): Post[] => {
    if (n.kind === "trigger")
      return [
        {
          to: { kind: "table", tableId },
          text: w.t("notice.trigger", { id: n.caseId, line: triggerLine(w, n.hit) }),
        },
      ];
    const win = n.threshold.window;
    const figures = {
      id: n.caseId,
      table: doc.table.name,
      hours: num(n.threshold.hours, w.lang),
      ...(win ? windowWords(w, win) : { weeks: "", period: "" }),
    };
    if (n.kind === "nadert")
      return doc.members
        .filter((m) => m.role === "leerplicht")
        .map((m) => ({
          to: { kind: "member", tableId, handle: m.handle },
          text: w.t("notice.nadert.dm", figures),
        }));
    const dm = (handle: string): Post => ({
      to: { kind: "member", tableId, handle },
      text: w.t("notice.threshold.dm", figures),
    });
    return [
      {
        to: { kind: "table", tableId },
        text: w.t("notice.threshold", { id: n.caseId, line: thresholdLine(w, n.threshold) }),
      },
      ...doc.members.filter((m) => m.role === "school").map((m) => dm(m.handle)),
    ];
  });
}
