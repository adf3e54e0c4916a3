import { ROUTES, SLOT_RESULTS } from "../../src/core/protocol-lists.ts";
import { schoolOfCase } from "../../src/core/school-policy.ts";
import { schoolByCode } from "../../src/core/schools.ts";
import { defineCommand } from "../define.ts";
import { caseId, choice, note, option } from "../params.ts";
import { tableReply } from "../render.ts";
import { slotId } from "../triage-params.ts";
import { priorityWords, routeWords, slotWhen } from "../triage-render.ts";
import type { Post } from "../types.ts";

/**
 * `spreekuur C-3 [SP-2]` books a case into a consultation hour, or onto the waiting list when none has room;
 * `spreekuur C-3 gezien vervolg=school` logs what came of it (FR-24). The school and regie hear of a booking.
 */
export default defineCommand({
  name: "spreekuur-boeken",
  aliases: ["boek", "book"],
  form: true,
  summary: {
    nl: "Zet een casus op een spreekuur (of de wachtlijst); of leg de uitkomst vast: gezien, niet-gezien, afgezegd",
    en: "Book a case into a consultation hour (or onto the waiting list); or log the outcome: seen, not seen, cancelled",
  },
  examples: [
    "spreekuur C-3",
    "spreekuur C-3 SP-2",
    'spreekuur C-3 gezien vervolg=school "Afspraken met moeder"',
  ],
  takesOver: { command: "spreekuur", first: /^C-\d+$/i },
  params: {
    id: caseId(),
    slot: slotId().opt(),
    result: choice({ nl: "Uitkomst", en: "Outcome" }, SLOT_RESULTS).opt(),
    next: option(["vervolg", "next"], choice({ nl: "Vervolg", en: "Next step" }, ROUTES)),
    note: note(),
  },
  may: (a) => (a.result === null ? "spreekuur-boeken" : null),
  async run(ctx, a) {
    if (a.result !== null) {
      const r = await ctx.use.triage.outcome(ctx.tableId, ctx.actor.id, a.id, {
        result: a.result,
        next: a.next,
        note: a.note,
      });
      if (!r.ok) return r;
      // The note stays with the host and the record; the thread hears the outcome and the next step.
      const text = ctx.t("reply.spreekuur.uitkomst", {
        slot: r.value.slot.id,
        id: a.id,
        result: ctx.t(`slotresult.${a.result}`),
        next: a.next ? ctx.t("reply.spreekuur.vervolg", { route: routeWords(ctx, a.next) }) : "",
      });
      return { reply: { ...tableReply(text), caseId: a.id } };
    }
    if (a.next !== null || a.note !== null) return { error: { code: "spreekuur-hoe", params: {} } };
    const r = await ctx.use.triage.book(ctx.tableId, ctx.actor.id, a.id, a.slot);
    if (!r.ok) return r;
    const { slot, doc, case: c, place, waiting } = r.value;
    if (!slot) {
      const reasons = waiting[place]?.reasons ?? [];
      const text = ctx.t("reply.spreekuur.wacht", {
        id: a.id,
        place: place + 1,
        n: waiting.length,
        why: reasons.length ? ctx.t("reply.spreekuur.waarom", { rules: priorityWords(ctx, reasons) }) : "",
      });
      return { reply: { ...tableReply(text), caseId: a.id } };
    }
    const when = slotWhen(ctx, slot);
    // Told: the school's contact person and the regie holder, besides who booked it.
    const school = schoolOfCase(c);
    const contact = school === null ? null : (schoolByCode(doc, school)?.contact ?? null);
    const told = [...new Set([contact, c.regie?.holder ?? null, slot.host])].filter(
      (id): id is string => id !== null && id !== ctx.actor.id,
    );
    const posts: Post[] = told.map((id) => ({
      to: { kind: "member", tableId: ctx.tableId, id, handle: ctx.names(id) },
      text: ctx.t("dm.spreekuur", { id: a.id, table: ctx.tableName, slot: slot.id, when }),
      buttons: [
        { label: ctx.t("button.spreekuur.uitkomst"), form: "spreekuur-boeken", prefill: { id: a.id } },
      ],
    }));
    return {
      reply: {
        ...tableReply(ctx.t("reply.spreekuur.geboekt", { id: a.id, slot: slot.id, when })),
        caseId: a.id,
      },
      posts,
    };
  },
});
