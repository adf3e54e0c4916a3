import { formatDate, localDate } from "../../src/core/dates.ts";
import { freeSeats } from "../../src/core/slots.ts";
import { defineCommand } from "../define.ts";
import { date, option, text } from "../params.ts";
import { tableReply } from "../render.ts";
import { places, timeOfDay } from "../triage-params.ts";
import { priorityWords, slotWhen } from "../triage-render.ts";

/**
 * Consultation hours (FR-24): `spreekuur` lists them and the waiting list in its order; `spreekuur 15-12 13:00
 * plaats=… capaciteit=4` publishes one, which takes the first waiting cases. Booking a case is `spreekuur C-3`.
 */
export default defineCommand({
  name: "spreekuur",
  aliases: ["consultation"],
  summary: {
    nl: "Toon de spreekuren en de wachtlijst; of plan een spreekuur (leerplicht, JGZ): datum, tijd, plaats, plaatsen",
    en: "Show the consultation hours and the waiting list; or plan one (leerplicht, JGZ): date, time, place, places",
  },
  examples: [
    "spreekuur",
    'spreekuur 15-12 13:00 plaats="Stadskantoor" capaciteit=3',
    "spreekuur 17-12 9:30 plaats=online capaciteit=2",
  ],
  params: {
    date: date({ nl: "Datum", en: "Date" }, "future").opt(),
    time: timeOfDay({ nl: "Tijd", en: "Time" }).opt(),
    place: option(
      ["plaats", "place"],
      text({ nl: "Plaats (of online)", en: "Place (or online)" }, '"plaats"', 80),
    ),
    capacity: option(["capaciteit", "plaatsen", "capacity"], places({ nl: "Plaatsen", en: "Places" }, 50)),
  },
  may: (a) => (a.date !== null ? "spreekuur-houden" : null),
  async run(ctx, a) {
    if (a.date !== null) {
      if (a.time === null) return { error: { code: "argument-ontbreekt", params: {} } };
      const online = a.place?.toLowerCase() === "online";
      const r = await ctx.use.triage.publishSlot(ctx.tableId, ctx.actor.id, {
        date: a.date,
        time: a.time,
        place: online ? null : a.place,
        online,
        capacity: a.capacity ?? 1,
      });
      if (!r.ok) return r;
      const { slot, placed } = r.value;
      const when = slotWhen(ctx, slot);
      return {
        reply: tableReply(
          [
            ctx.t("reply.spreekuur.nieuw", { slot: slot.id, when, capacity: slot.capacity }),
            ...(placed.length ? [ctx.t("reply.spreekuur.geplaatst", { ids: placed.join(", ") })] : []),
          ].join(" "),
        ),
        posts: placed.map((id) => ({
          to: { kind: "table" as const, tableId: ctx.tableId },
          caseId: id,
          text: ctx.t("reply.spreekuur.geboekt", { id, slot: slot.id, when }),
        })),
      };
    }
    const r = await ctx.use.triage.slots(ctx.tableId, ctx.actor.id);
    if (!r.ok) return r;
    const { doc, waiting } = r.value;
    const coming = doc.slots.filter((s) => s.date >= ctx.today);
    return {
      reply: {
        visibility: "private",
        title: ctx.t("reply.spreekuren"),
        blocks: [
          {
            type: "list",
            items: coming.length
              ? coming.map((s) =>
                  ctx.t("spreekuur.line", {
                    slot: s.id,
                    when: slotWhen(ctx, s),
                    booked: s.capacity - freeSeats(s),
                    capacity: s.capacity,
                    host: ctx.names(s.host),
                  }),
                )
              : [ctx.t("spreekuur.geen")],
          },
          {
            type: "list",
            title: ctx.t("spreekuur.wachtlijst", { n: waiting.length }),
            items: waiting.length
              ? waiting.map((w, i) =>
                  ctx.t("spreekuur.wacht.line", {
                    place: i + 1,
                    id: w.item.caseId,
                    since: formatDate(localDate(new Date(w.since)), ctx.lang),
                    why: w.reasons.length
                      ? ctx.t("reply.spreekuur.waarom", {
                          rules: priorityWords(ctx, w.reasons),
                        })
                      : "",
                  }),
                )
              : [ctx.t("spreekuur.wacht.geen")],
          },
        ],
      },
    };
  },
});
