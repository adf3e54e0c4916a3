import { defineCommand } from "../define.ts";

/**
 * A typed yes reaches here only when no question waits (the console answers its own question, a button carries
 * `bevestigd=ja`): say how a question is answered.
 */
export default defineCommand({
  name: "ja",
  aliases: ["yes"],
  summary: {
    nl: "Antwoord ja op een vraag van Tafel (de knop Ja, of bevestigd=ja achter de regel)",
    en: "Answer yes to a question (the Yes button, or bevestigd=ja after the line)",
  },
  examples: ["ja"],
  open: true,
  params: {},
  async run(ctx) {
    return { reply: { visibility: "private", blocks: [{ type: "text", text: ctx.t("reply.ja") }] } };
  },
});
