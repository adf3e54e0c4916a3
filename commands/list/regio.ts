import { REGIONS } from "../../src/core/model.ts";
import { JBT_ROUTES, OFFICER_TITLES } from "../../src/core/model-region.ts";
import { keyOfField, titleWords } from "../../src/core/region.ts";
import { POLICY_KEYS, type PolicyKey } from "../../src/core/rules/policy.ts";
import { defineCommand } from "../define.ts";
import { caseId, choice, invalid, member, option, param, word } from "../params.ts";
import { tableReply } from "../render.ts";
import type { CommandContext, Result } from "../types.ts";

/** A policy field as its `beleid` word, for showing. */
const wordOf = (field: string) => keyOfField(field) ?? field;

const ACTIONS = ["nieuw", "uitnodigen", "aansluiten", "gemeente", "meedoen"] as const;
const office = (nl: string, en: string) => word({ nl, en }, '"<kantoor>"', 80);

/** `vast=intake,protocol.voorwaarden`: the `beleid` words of the settings the region holds for all its tables. */
const fixedKeys = () =>
  param<Array<(typeof POLICY_KEYS)[PolicyKey]>>({
    label: { nl: "Vaste instellingen", en: "Fixed settings" },
    usage: "<sleutel,…|geen>",
    read: (tokens) => {
      const raw = tokens[0]?.text.toLowerCase();
      if (raw === undefined) return null;
      if (raw === "geen") return { value: [], used: 1 };
      const keys = new Map(Object.entries(POLICY_KEYS));
      const fields = raw.split(",").map((k) => keys.get(k));
      return fields.every((f) => f !== undefined)
        ? { value: [...new Set(fields as Array<(typeof POLICY_KEYS)[PolicyKey]>)], used: 1 }
        : invalid("reason.choice", { values: "beleid-sleutels (zie: beleid)" });
    },
  });

/** The region as its tables see it: offices per municipality, what it sets for all, its trail's last changes. */
async function show(ctx: CommandContext): Promise<Result> {
  const r = await ctx.use.regions.show(ctx.tableId, ctx.actor.id);
  if (!r.ok) return r;
  const { region, shared, tableName } = r.value;
  if (!shared)
    return { reply: { visibility: "private", blocks: [{ type: "text", text: ctx.t("regio.eigen") }] } };
  const t = ctx.t;
  const items = [
    t("regio.tafels", { tables: region.tables.map((id) => `${tableName(id)} (${id})`).join(", ") }),
    ...(region.invited.length ? [t("regio.uitgenodigd", { tables: region.invited.join(", ") })] : []),
    t("regio.vakantie", { region: t(`region.${region.holidays}`) }),
    t("regio.functienaam", { title: titleWords(region.officerTitle) }),
    ...region.municipalities.map((m) =>
      t(m.qualificationOffice ? "regio.gemeente.kwalificatie" : "regio.gemeente", {
        name: m.name,
        office: m.office,
        qualification: m.qualificationOffice ?? "",
      }),
    ),
    t("regio.rmc", { office: region.rmc ?? t("regio.niet-gezet") }),
    t("regio.contact", {
      who: region.contact ? `${tableName(region.contact.tableId)}` : t("regio.niet-gezet"),
    }),
    t("regio.doorbraak", { table: region.doorbraak ? tableName(region.doorbraak) : t("regio.niet-gezet") }),
    t(`regio.jbt.${region.jbt}`),
    t("regio.beleid", {
      settings:
        Object.entries(region.policy)
          .map(([f, v]) => `${wordOf(f)}=${Array.isArray(v) ? v.join(",") || "geen" : String(v)}`)
          .join(" ") || t("regio.niet-gezet"),
    }),
    t("regio.vast", { keys: region.fixed.map(wordOf).join(", ") || t("regio.niet-gezet") }),
  ];
  const trail = region.changes
    .slice(-5)
    .map((c) => `${c.at.slice(0, 10)} ${tableName(c.tableId)}: ${c.what}`);
  return {
    reply: {
      visibility: "private",
      title: t("regio.titel", { name: region.name, id: region.id }),
      blocks: [
        { type: "list", items },
        ...(trail.length ? [{ type: "list" as const, title: t("regio.wijzigingen"), items: trail }] : []),
      ],
    },
  };
}

export default defineCommand({
  name: "regio",
  aliases: ["region"],
  summary: {
    nl: "De regio van de tafel: haar tafels, kantoren per gemeente, functienaam, doorbraaktafel en wat zij voor alle tafels regelt (voorzitter)",
    en: "The table's region: its tables, offices per municipality, officer title, doorbraaktafel and shared settings (chair)",
  },
  examples: [
    "regio",
    'regio nieuw "Rijk van Nijmegen"',
    "regio uitnodigen mdo-noord",
    "regio aansluiten rijk-van-nijmegen",
    'regio gemeente Druten kantoor="Bureau Leerplicht Nijmegen"',
    'regio rmc="RMC Rijk van Nijmegen" functienaam=leerrechtconsulent jbt=direct',
    "regio meedoen triage-zuid C-3",
  ],
  params: {
    action: choice({ nl: "Onderdeel", en: "Part" }, ACTIONS).opt(),
    subject: word({ nl: "Naam", en: "Name" }, "<naam|tafel|gemeente>").opt(),
    id: caseId().opt(),
    holidays: option(
      ["vakantie", "holidays"],
      choice({ nl: "Vakantieregio", en: "Holiday region" }, REGIONS),
    ),
    office: option(["kantoor", "office"], office("Kantoor", "Office")),
    qualification: option(
      ["kwalificatie", "qualification"],
      office("Kantoor voor de kwalificatieplicht", "Qualification office"),
    ),
    rmc: option(["rmc"], office("RMC", "RMC")),
    officerTitle: option(
      ["functienaam", "title"],
      choice({ nl: "Functienaam", en: "Officer title" }, OFFICER_TITLES),
    ),
    doorbraak: option(
      ["doorbraaktafel", "doorbraak"],
      word({ nl: "Doorbraaktafel", en: "Doorbraak table" }, "<tafel>"),
    ),
    jbt: option(["jbt"], choice({ nl: "Route naar het JBT", en: "Route to the JBT" }, JBT_ROUTES)),
    contact: option(["contact"], member({ nl: "Contact van de regio", en: "Region contact" })),
    fixed: option(["vast", "fixed"], fixedKeys()),
  },
  // Joining a case is the officer's; everything else that changes the region is a chair's.
  may: (a) =>
    a.action === "meedoen"
      ? null
      : a.action !== null ||
          [a.rmc, a.officerTitle, a.doorbraak, a.jbt, a.contact, a.fixed].some((x) => x !== null)
        ? "regio-beheren"
        : null,
  async run(ctx, a) {
    const use = ctx.use.regions;
    const me = ctx.actor.id;
    if (a.action === "meedoen") {
      if (!a.subject || !a.id) return { error: { code: "regio-meedoen-hoe", params: {} } };
      const r = await ctx.use.regionCases.joinCase(ctx.tableId, me, a.subject, a.id);
      if (!r.ok) return r;
      return { reply: tableReply(ctx.t("regio.meegedaan", { id: r.value.caseId, table: r.value.table })) };
    }
    if (
      a.action === "nieuw" ||
      a.action === "uitnodigen" ||
      a.action === "aansluiten" ||
      a.action === "gemeente"
    ) {
      const subject = a.subject;
      if (subject === null) return { error: { code: "regio-naam-ontbreekt", params: { action: a.action } } };
      const r =
        a.action === "nieuw"
          ? await use.create(ctx.tableId, me, subject, a.holidays)
          : a.action === "uitnodigen"
            ? await use.invite(ctx.tableId, me, subject)
            : a.action === "aansluiten"
              ? await use.join(ctx.tableId, me, subject)
              : await use.setMunicipality(
                  ctx.tableId,
                  me,
                  a.office === null
                    ? { name: subject, remove: true }
                    : { name: subject, office: a.office, qualificationOffice: a.qualification },
                );
      if (!r.ok) return r;
      return {
        reply: tableReply(ctx.t(`regio.gedaan.${a.action}`, { name: r.value.name, id: r.value.id, subject })),
      };
    }
    const fields = {
      ...(a.rmc ? { rmc: a.rmc } : {}),
      ...(a.officerTitle ? { officerTitle: a.officerTitle } : {}),
      ...(a.doorbraak ? { doorbraak: a.doorbraak } : {}),
      ...(a.jbt ? { jbt: a.jbt } : {}),
      ...(a.fixed ? { fixed: a.fixed } : {}),
      ...(a.holidays ? { holidays: a.holidays } : {}),
    };
    if (Object.keys(fields).length > 0 || a.contact) {
      const label = [
        ...(a.rmc ? [`rmc=${a.rmc}`] : []),
        ...(a.officerTitle ? [`functienaam=${a.officerTitle}`] : []),
        ...(a.doorbraak ? [`doorbraaktafel=${a.doorbraak}`] : []),
        ...(a.jbt ? [`jbt=${a.jbt}`] : []),
        ...(a.fixed ? [`vast=${a.fixed.map(wordOf).join(",") || "geen"}`] : []),
        ...(a.holidays ? [`vakantie=${a.holidays}`] : []),
        ...(a.contact ? [`contact=@${a.contact.handle}`] : []),
      ].join(" ");
      const r = await use.set(ctx.tableId, me, fields, label, a.contact);
      if (!r.ok) return r;
      return { reply: tableReply(ctx.t("regio.gewijzigd", { name: r.value.name, change: label })) };
    }
    return show(ctx);
  },
});
