import { encode } from "he";
import type { SchoolStatus } from "../src/core/dashboard.ts";
import { formatMonth } from "../src/core/dates.ts";
import { reasonWords } from "./dashboard-render.ts";
import { num } from "./render.ts";
import type { CommandContext } from "./types.ts";

type Words = Pick<CommandContext, "t" | "lang">;

const esc = (text: string) => encode(text, { useNamedReferences: true });

/** A chart as the page holds it: the SVG inline, named for screen readers, its figures in the table after it. */
const figure = (svg: string, label: string, caption: string) =>
  `<figure><div class="chart" role="img" aria-label="${esc(label)}">${svg.replace(/^<svg/, '<svg aria-hidden="true" focusable="false"')}</div><figcaption>${esc(caption)}</figcaption></figure>`;

function table(caption: string, head: readonly string[], rows: readonly (readonly string[])[]): string {
  const th = head.map((h) => `<th scope="col">${esc(h)}</th>`).join("");
  const body = rows
    .map(
      (r) =>
        `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${esc(c)}</th>` : `<td>${esc(c)}</td>`)).join("")}</tr>`,
    )
    .join("");
  return `<div class="scroll" tabindex="0" role="region" aria-label="${esc(caption)}"><table><caption>${esc(caption)}</caption><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table></div>`;
}

/**
 * The dashboard as a web page (issue #28 item 3): server-rendered HTML, no script, the charts as inline SVG and
 * each chart's figures as a real table, readable on a phone, by keyboard and by screen reader. Only what the chat
 * shows: schools' aggregated figures with small groups hidden, never a pupil.
 */
export function dashboardPage(
  w: Words,
  input: {
    table: string;
    min: number;
    statuses: readonly SchoolStatus[];
    /** The system signals still on the policy agenda, as lines. */
    systemSignals: readonly string[];
    /** The tier picture per school, from the table's own cases, as lines. */
    tierLines: readonly string[];
    latestSvg: string;
    trendSvg: string;
    latestAlt: string;
    trendAlt: string;
  },
): string {
  const { min, statuses } = input;
  const shown = (s: SchoolStatus) => s.latest && !s.latest.hidden;
  const first = statuses.filter((s) => s.reasons.length > 0);
  const months = [...new Set(statuses.flatMap((s) => s.months.map((m) => m.period)))].sort();
  const latestRows = statuses.map((s) => [
    `${s.school.code} ${s.school.name}`,
    s.school.kind,
    s.latest ? formatMonth(s.latest.period, w.lang) : "–",
    shown(s)
      ? `${num(s.latest?.absencePct ?? 0, w.lang)} %`
      : s.latest
        ? `<${min} ${w.t("page.leerlingen")}`
        : "–",
    shown(s) ? `${num(s.latest?.sickPct ?? 0, w.lang)} %` : "–",
    s.reasons.map((r) => reasonWords(w, r, min)).join("; ") || "–",
  ]);
  const trendRows = statuses.map((s) => [
    `${s.school.code} ${s.school.name}`,
    ...months.map((p) => {
      const m = s.months.find((x) => x.period === p);
      return !m ? "–" : m.hidden ? `<${min}` : `${num(m.absencePct, w.lang)} %`;
    }),
  ]);
  return `<!doctype html>
<html lang="${w.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${esc(w.t("page.title", { table: input.table }))}</title>
<style>
body{font-family:system-ui,sans-serif;margin:0;color:#1a1a1a;background:#fff;line-height:1.5}
main{max-width:60rem;margin:0 auto;padding:1rem}
h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2rem}
.chart svg{max-width:100%;height:auto}
.scroll{overflow-x:auto}
.scroll:focus{outline:3px solid #1d4ed8;outline-offset:2px}
table{border-collapse:collapse;width:100%;font-size:.95rem}
caption{text-align:left;font-weight:600;padding:.5rem 0}
th,td{border:1px solid #767676;padding:.35rem .5rem;text-align:left;vertical-align:top}
thead th{background:#f0f0f0}
li{margin:.35rem 0}
</style>
</head>
<body>
<main>
<h1>${esc(w.t("page.title", { table: input.table }))}</h1>
<p>${esc(w.t("page.intro", { min }))}</p>
<section aria-labelledby="eerst">
<h2 id="eerst">${esc(w.t("dashboard.eerst"))}</h2>
<ul>${(first.length ? first : []).map((s) => `<li><strong>${esc(`${s.school.code} ${s.school.name}`)}</strong>: ${esc(s.reasons.map((r) => reasonWords(w, r, min)).join("; "))}</li>`).join("") || `<li>${esc(w.t("dashboard.eerst.niemand"))}</li>`}</ul>
</section>
${
  input.systemSignals.length
    ? `<section aria-labelledby="systeem">
<h2 id="systeem">${esc(w.t("dashboard.systeemsignalen"))}</h2>
<ul>${input.systemSignals.map((l) => `<li>${esc(l)}</li>`).join("")}</ul>
</section>`
    : ""
}
${
  input.tierLines.length
    ? `<section aria-labelledby="lagen">
<h2 id="lagen">${esc(w.t("dashboard.lagen"))}</h2>
<ul>${input.tierLines.map((l) => `<li>${esc(l)}</li>`).join("")}</ul>
</section>`
    : ""
}
<section aria-labelledby="laatste">
<h2 id="laatste">${esc(w.t("page.laatste"))}</h2>
${figure(input.latestSvg, input.latestAlt, w.t("page.figuur"))}
${table(w.t("page.laatste.tabel"), [w.t("page.kol.school"), w.t("page.kol.type"), w.t("page.kol.maand"), w.t("page.kol.verzuim"), w.t("page.kol.ziek"), w.t("page.kol.reden")], latestRows)}
</section>
<section aria-labelledby="verloop">
<h2 id="verloop">${esc(w.t("page.verloop"))}</h2>
${figure(input.trendSvg, input.trendAlt, w.t("page.figuur"))}
${table(w.t("page.verloop.tabel"), [w.t("page.kol.school"), ...months.map((p) => formatMonth(p, w.lang))], trendRows)}
</section>
</main>
</body>
</html>
`;
}
