import { formatInstant } from "../../src/core/dates.ts";
import { prettyJsonPieces } from "../../src/core/json-pieces.ts";
import type { AuditEvent, Language } from "../../src/core/model.ts";
import { csv } from "../../src/infra/csv.ts";
import { defineCommand } from "../define.ts";
import { caseId, param, period } from "../params.ts";
import type { CommandContext } from "../types.ts";

/** `C-12` for one case, or `export` for the whole table's trail. */
const target = () =>
  param<{ kind: "case"; id: string } | { kind: "export" }>({
    label: { nl: "Casus of export", en: "Case or export" },
    usage: "<C-id|export>",
    read: (tokens, ctx) => {
      if (tokens[0]?.text.toLowerCase() === "export") return { value: { kind: "export" }, used: 1 };
      const r = caseId().read(tokens, ctx);
      return r && "value" in r ? { value: { kind: "case", id: r.value }, used: 1 } : r;
    },
  });

/** Member events (`lid.…`, `regie.…`) name a member by id in their subject; shown by handle. */
const subjectOf = (e: AuditEvent, names: (id: string) => string) =>
  e.subject !== null && /^(lid|regie)\./.test(e.event) ? names(e.subject) : e.subject;

/** The actor as shown, and (last, added in schema 4) the member id the record holds; Tafel's one CSV writer. */
const auditCsv = (events: readonly AuditEvent[], names: (id: string) => string, lang: Language) =>
  csv(
    [
      ["at", "actor", "event", "caseId", "subject", "actorId"],
      ...events.map((e) => [e.at, names(e.actor), e.event, e.caseId, subjectOf(e, names), e.actor]),
    ],
    lang,
  );

const lines = (ctx: CommandContext, events: readonly AuditEvent[]) =>
  events.map((e) =>
    ctx.t("line.audit", {
      at: formatInstant(e.at, ctx.lang),
      actor: ctx.names(e.actor),
      event: e.event,
      subject: e.subject ? ` ${subjectOf(e, ctx.names)}` : "",
    }),
  );

export default defineCommand({
  name: "audit",
  aliases: [],
  summary: {
    nl: "Wie deed en wie bekeek wat bij een casus; of `audit export [van..tot]`: het hele spoor als CSV en JSON",
    en: "Who did and who viewed what in a case; or `audit export [from..to]`: the whole trail as CSV and JSON",
  },
  examples: ["audit C-3", "audit export", "audit export 1-9-2026..30-11-2026"],
  may: "audit",
  files: true,
  params: { target: target(), span: period({ nl: "Periode", en: "Period" }).opt() },
  async run(ctx, a) {
    if (a.target.kind === "export") {
      const r = await ctx.use.records.auditExport(
        ctx.tableId,
        ctx.actor.id,
        a.span?.from ?? null,
        a.span?.to ?? null,
      );
      if (!r.ok) return r;
      return {
        reply: {
          visibility: "private",
          title: ctx.t("reply.audit.export", { n: r.value.length }),
          blocks: [
            { type: "code", text: auditCsv(r.value, ctx.names, ctx.lang), file: "tafel-audit.csv" },
            // Made as it is delivered, an event at a time: three school years of reads are tens of megabytes.
            {
              type: "stream",
              file: "tafel-audit.json",
              write: async (sink) => {
                for (const piece of prettyJsonPieces({ schemaVersion: 1 }, "events", r.value))
                  await sink(piece);
              },
            },
          ],
        },
      };
    }
    const id = a.target.id;
    const r = await ctx.use.records.auditTrail(ctx.tableId, ctx.actor.id, id);
    if (!r.ok) return r;
    const items = lines(ctx, r.value);
    return {
      reply: {
        visibility: "private",
        title: ctx.t("reply.audit", { id }),
        blocks: [items.length ? { type: "list", items } : { type: "text", text: ctx.t("reply.audit.none") }],
      },
    };
  },
});
