import { registrationGaps, schoolStatuses } from "../../src/core/dashboard.ts";
import { formatMonth } from "../../src/core/dates.ts";
import { FIGURE_COLUMNS, type MonthFigures, monthFigures } from "../../src/core/figures.ts";
import { policyOfTable } from "../../src/core/region.ts";
import { schoolByCode } from "../../src/core/schools.ts";
import { memberById } from "../../src/core/table.ts";
import { parseCsv } from "../../src/infra/csv.ts";
import { pupils, reasonWords } from "../dashboard-render.ts";
import { defineCommand } from "../define.ts";
import { option, param } from "../params.ts";
import { num, tableReply } from "../render.ts";
import { schoolCode } from "../school-params.ts";
import type { CommandContext, Post } from "../types.ts";

/** One cell as typed (`lesuren=12500`, `periode 2026-09`): checked with the file's rules, in core/figures.ts. */
const cell = (label: string, usage: string) =>
  param<string>({
    form: { kind: "text", max: 20 },
    label: { nl: label, en: label },
    usage,
    read: (tokens) => {
      const t = tokens[0];
      return t && t.text.length <= 20 ? { value: t.text, used: 1 } : null;
    },
  });

function monthLine(ctx: Pick<CommandContext, "t" | "lang">, name: string, m: MonthFigures, min: number) {
  const month = formatMonth(m.period, ctx.lang);
  if (m.hidden) return ctx.t("cijfers.line.hidden", { school: m.school, name, month, min });
  return ctx.t("cijfers.line", {
    school: m.school,
    name,
    month,
    absence: num(m.absencePct, ctx.lang),
    sick: num(m.sickPct, ctx.lang),
    long4w: pupils(m.longAbsent4w, min),
    long3m: pupils(m.longAbsent3m, min),
    pupils: m.pupils,
  });
}

export default defineCommand({
  name: "cijfers",
  aliases: ["verzuimcijfers", "figures"],
  summary: {
    nl: "Verzuimcijfers per school en maand, zonder leerlinggegevens: tonen, één rij typen, of een CSV-bestand meesturen",
    en: "Absence figures per school and month, with no pupil data: show them, type one row, or send a CSV file",
  },
  // A region's month of figures is some 40 kB per 100 schools: 2 MB leaves room and keeps the edge's fetch short.
  takesFile: { label: { nl: "CSV-bestand", en: "CSV file" }, ext: "csv", maxBytes: 2_000_000 },
  examples: [
    "cijfers",
    "cijfers 12AB00 2026-09 leerlingen=612 lesuren=61200 verzuimuren=3800 ziekuren=2700 langdurig=4 zeer-langdurig=1",
    "cijfers 12AB00 2026-10 leerlingen=612 lesuren=61200 verzuimuren=3900 ziekuren=2700 langdurig=4 zeer-langdurig=1 lagen=560+40+12",
  ],
  params: {
    code: schoolCode().opt(),
    period: cell("Periode", "<jjjj-mm>").opt(),
    leerjaar: option(["leerjaar"], cell("Leerjaar", "<1-8>")),
    leerlingen: option(["leerlingen"], cell("Leerlingen", "<aantal>")),
    lesuren: option(["lesuren"], cell("Lesuren", "<uren>")),
    verzuimuren: option(["verzuimuren"], cell("Verzuimuren", "<uren>")),
    ziekuren: option(["ziekuren"], cell("Ziekuren", "<uren>")),
    // The file's `langdurig_4w` and `langdurig_3m`: an option's key holds no digits.
    langdurig_4w: option(["langdurig"], cell("Langer dan 4 weken afwezig", "<aantal>")),
    langdurig_3m: option(["zeer-langdurig"], cell("Langer dan 3 maanden afwezig", "<aantal>")),
    // The school's own tier picture (MD-MTSS): pupils in tier 1, 2 and 3, as `560+40+12` (a slash would read as a date).
    lagen: option(["lagen", "tiers"], cell("Leerlingen per laag (1/2/3)", "<laag1+laag2+laag3>")),
  },
  // Looking is everyone's; delivering is the school's, leerplicht's and the chair's (a file is checked there too).
  may: (a) => (a.code !== null ? "cijfers-aanleveren" : null),
  async run(ctx, a) {
    const args = a as unknown as Record<string, string | null>;
    if (ctx.file || a.code !== null) {
      // A typed row is a file of one row: the same columns, the same checks.
      const [laag1, laag2, laag3] = a.lagen === null ? [] : a.lagen.split("+");
      const typed: Record<string, string | null | undefined> = { ...args, laag1, laag2, laag3 };
      const columns = FIGURE_COLUMNS.filter((c) => a.lagen !== null || !c.startsWith("laag"));
      const cells = ctx.file
        ? parseCsv(ctx.file.text)
        : [
            columns.slice(),
            columns.map((c) =>
              c === "school" ? (a.code as string) : c === "periode" ? (args.period ?? "") : (typed[c] ?? ""),
            ),
          ];
      if (!cells) return { error: { code: "cijfers-geen-csv", params: {} } };
      const r = await ctx.use.schools.importFigures(ctx.tableId, ctx.actor.id, cells);
      if (!r.ok) {
        const problems =
          (r as { problems?: Array<{ row: number; column: string; why: string }> }).problems ?? [];
        if (problems.length === 0) return r;
        const list = problems
          .slice(0, 20)
          .map((p) => {
            const why = ctx.t(`cijfers.why.${p.why}` as never);
            // A typed row has no rows to count: its cells are named by their column.
            return ctx.file
              ? ctx.t("cijfers.probleem", { row: p.row, column: p.column, why })
              : ctx.t("cijfers.probleem.getypt", { column: p.column, why });
          })
          .join("\n");
        return { error: { code: "cijfers-fouten", params: { n: problems.length, list } } };
      }
      const months = (list: string[]) =>
        list.map((m) => `${m.split(" ")[0]} ${formatMonth(m.split(" ")[1] as string, ctx.lang)}`);
      // A registration gap (FR-25) is told to the school's leerplicht contact, with the reason, once per delivery.
      const doc = r.value.doc;
      const min = policyOfTable(ctx.region, doc).reportMinimum;
      const posts: Post[] = schoolStatuses(doc, min).flatMap((st) => {
        const gaps = registrationGaps(st);
        const officer = st.school.officer === null ? undefined : memberById(doc, st.school.officer);
        if (gaps.length === 0 || !officer) return [];
        return [
          {
            to: { kind: "member", tableId: doc.table.id, id: officer.id, handle: officer.handle },
            text: ctx.t("cijfers.gat", {
              school: st.school.code,
              name: st.school.name,
              reasons: gaps.map((g) => reasonWords(ctx, g, min)).join("; "),
            }),
            buttons: [{ label: ctx.t("button.dashboard"), run: "dashboard" }],
          },
        ];
      });
      return {
        posts,
        reply: tableReply(
          ctx.t("reply.cijfers", {
            rows: r.value.rows,
            added: months(r.value.added).join(", ") || "–",
            replaced: months(r.value.replaced).join(", ") || "–",
          }),
        ),
      };
    }
    const doc = await ctx.use.schools.view(ctx.tableId, ctx.actor.id);
    if (!doc.ok) return doc;
    const min = policyOfTable(ctx.region, doc.value).reportMinimum;
    const months = monthFigures(doc.value, min);
    return {
      reply: {
        visibility: "private",
        title: ctx.t("reply.cijfers.title", { min }),
        blocks: [
          months.length
            ? {
                type: "list",
                items: months.map((m) =>
                  monthLine(ctx, schoolByCode(doc.value, m.school)?.name ?? m.school, m, min),
                ),
              }
            : { type: "text", text: ctx.t("reply.cijfers.geen") },
        ],
        // In Slack and Teams a file is delivered through the form's file field.
        buttons: [{ label: ctx.t("button.cijfers.aanleveren"), form: "cijfers", prefill: {} }],
      },
    };
  },
});
