import { SCHOOL_KINDS, type School } from "../../src/core/model.ts";
import { schoolsOf, unknownSchool, yearGroupsOf } from "../../src/core/schools.ts";
import { defineCommand } from "../define.ts";
import { choice, member, municipalities, option, param } from "../params.ts";
import { tableReply } from "../render.ts";
import { schoolCode, schoolName } from "../school-params.ts";
import type { CommandContext } from "../types.ts";
import { adviceLine } from "./advies.ts";
import { schoolEventLine } from "./preventief.ts";

/** `leerjaren=1-6`, `groepen=1,2,3`: year groups 1 to 8. */
const yearGroups = () =>
  param<string[]>({
    form: { kind: "text", max: 20 },
    label: { nl: "Leerjaren of groepen", en: "Year groups" },
    usage: "<1-6>",
    read: (tokens) => {
      const t = tokens[0];
      if (!t) return null;
      const groups = yearGroupsOf(t.text);
      return groups
        ? { value: groups, used: 1 }
        : { error: { code: "argument-ongeldig", params: { reason: "reason.leerjaren" } } };
    },
  });

/** `12AB00 Maaswaal College (vo, Druten) · leerjaren 1–6 · contact @joost · leerplicht @piet`. */
export function schoolLine(ctx: Pick<CommandContext, "t" | "names">, s: School): string {
  const groups = s.yearGroups.length
    ? ctx.t("school.leerjaren", { from: s.yearGroups[0] ?? "", to: s.yearGroups.at(-1) ?? "" })
    : "";
  return [
    `${s.code} ${s.name} (${[s.kind, s.municipality].filter(Boolean).join(", ")})`,
    groups,
    s.contact ? ctx.t("school.contact", { who: ctx.names(s.contact) }) : "",
    s.officer ? ctx.t("school.officer", { who: ctx.names(s.officer) }) : "",
  ]
    .filter(Boolean)
    .join(" · ");
}

/** Whether a line records something of a school, not only looks. */
const changes = (a: {
  name: unknown;
  kind: unknown;
  municipality: unknown;
  yearGroups: unknown;
  contact: unknown;
  officer: unknown;
}) =>
  a.name !== null ||
  a.kind !== null ||
  a.municipality !== null ||
  a.yearGroups !== null ||
  a.contact !== null ||
  a.officer !== null;

export default defineCommand({
  name: "school",
  aliases: ["scholen", "schools"],
  summary: {
    nl: "De scholen van de tafel: zonder code de lijst, met code één school; met velden erbij leg je haar vast (voorzitter, leerplicht)",
    en: "The table's schools: without a code the list, with a code one school; with fields you record it (chair, leerplicht)",
  },
  examples: [
    "school",
    'school 12AB00 naam="Maaswaal College" type=vo gemeente=Druten leerjaren=1-6 contact=@joost leerplicht=@piet',
    "school 12AB00 leerplicht=@fatima",
    "school 12AB",
  ],
  params: {
    code: schoolCode().opt(),
    name: option(["naam", "name"], schoolName()),
    kind: option(["type", "soort"], choice({ nl: "Schooltype", en: "School type" }, SCHOOL_KINDS)),
    municipality: option(
      ["gemeente", "municipality"],
      municipalities({ nl: "Gemeente", en: "Municipality" }),
    ),
    yearGroups: option(["leerjaren", "groepen", "years"], yearGroups()),
    contact: option(["contact"], member({ nl: "Contactpersoon van de school", en: "School contact" })),
    officer: option(
      ["leerplicht", "officer"],
      member({ nl: "Leerplichtambtenaar", en: "Attendance officer" }),
    ),
  },
  // Reading is everyone's; recording is the chair's and leerplicht's.
  may: (a) => (a.code !== null && changes(a) ? "scholen-beheren" : null),
  async run(ctx, a) {
    if (a.code !== null && changes(a)) {
      if ((a.municipality?.length ?? 0) > 1)
        return { error: { code: "argument-ongeldig", params: { reason: "reason.school.municipality" } } };
      const r = await ctx.use.schools.setSchool(ctx.tableId, ctx.actor.id, {
        code: a.code,
        name: a.name,
        kind: a.kind,
        yearGroups: a.yearGroups,
        municipality: a.municipality?.[0] ?? null,
        contact: a.contact?.id ?? null,
        officer: a.officer?.id ?? null,
      });
      if (!r.ok) return r;
      const key = r.value.created ? "reply.school.nieuw" : "reply.school.gewijzigd";
      return { reply: tableReply(ctx.t(key, { line: schoolLine(ctx, r.value.school) })) };
    }
    const r = await ctx.use.schools.view(ctx.tableId, ctx.actor.id);
    if (!r.ok) return r;
    const shown = a.code === null ? r.value.schools : schoolsOf(r.value, a.code);
    if (a.code !== null && shown.length === 0) return unknownSchool(r.value, a.code);
    // One school: its advice history and leerplicht's preventive actions there as well (FR-12, FR-44).
    const one = shown.length === 1 && a.code !== null ? (shown[0] as School) : null;
    const advice = one ? r.value.advice.filter((x) => x.school === one.code) : [];
    const events = one ? r.value.schoolEvents.filter((x) => x.school === one.code) : [];
    return {
      reply: {
        visibility: "private",
        title: ctx.t("reply.scholen", { n: shown.length }),
        blocks: [
          shown.length
            ? { type: "list", items: shown.map((s) => schoolLine(ctx, s)) }
            : { type: "text", text: ctx.t("reply.scholen.geen") },
          ...(advice.length
            ? [
                {
                  type: "list" as const,
                  title: ctx.t("school.adviezen"),
                  items: advice.map((x) => adviceLine(ctx, x)),
                },
              ]
            : []),
          ...(events.length
            ? [
                {
                  type: "list" as const,
                  title: ctx.t("school.preventief"),
                  items: events.map((x) => schoolEventLine(ctx, x)),
                },
              ]
            : []),
        ],
      },
    };
  },
});
