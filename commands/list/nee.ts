import { defineCommand } from "../define.ts";

/** The No under a question (`sluit`, `lid-af`, a likely duplicate): the question already changed nothing. */
export default defineCommand({
  name: "nee",
  aliases: ["no", "annuleer", "cancel"],
  summary: {
    nl: "Antwoord nee op een vraag van Tafel: er gebeurt niets",
    en: "Answer no to a question: nothing happens",
  },
  examples: ["nee"],
  open: true,
  params: {},
  async run(ctx) {
    return { reply: { visibility: "private", blocks: [{ type: "text", text: ctx.t("reply.nee") }] } };
  },
});
