import type { App } from "@slack/bolt";
import { dispatch } from "../../commands/dispatch.ts";
import { quoted } from "../../commands/form-line.ts";
import { languageOf } from "../../commands/language.ts";
import { caseTitle } from "../../commands/render.ts";
import { formatDate } from "../../src/core/dates.ts";
import { memberById } from "../../src/core/table.ts";
import { translator } from "../../src/i18n/index.ts";
import { correlationId } from "../correlation.ts";
import { escapeMrkdwn } from "./escape.ts";
import { repeated, type SlackDeps } from "./handlers.ts";
import { renderPost } from "./render.ts";
import { conversationOf, readMentions } from "./translate.ts";

const CASE = /\bC-[1-9]\d{0,6}\b/;

export function registerEvents(app: App, deps: SlackDeps) {
  /**
   * 📌 on a message in a case's thread records that message as a decision of the case. The case is read from the
   * thread's first message (Tafel's own post names it) or the message itself; when neither names one, the person
   * who pinned gets a button that opens the decision form with the text filled in.
   */
  app.event("reaction_added", async ({ event, body, client }) => {
    if (event.reaction !== "pushpin" || event.item.type !== "message") return;
    // A redelivery (X-Slack-Retry-Num) of an event whose first delivery died must still run: the event id,
    // claimed in the store, is what makes it run once.
    if (await repeated(deps, `event:${body.event_id}`)) return;
    const { channel, ts } = event.item;
    const found = await client.conversations.replies({ channel, ts, limit: 1, inclusive: true });
    const message = found.messages?.find((m) => m.ts === ts) ?? found.messages?.[0];
    if (!message?.text) return;
    const root =
      message.thread_ts && message.thread_ts !== ts
        ? await client.conversations.replies({ channel, ts: message.thread_ts, limit: 1 })
        : null;
    const text = readMentions(message.text).text;
    const caseId = CASE.exec(root?.messages?.[0]?.text ?? "")?.[0] ?? CASE.exec(text)?.[0];
    const team = body.team_id;
    if (!caseId) {
      const t = translator(
        await languageOf(deps.store, conversationOf(team, channel), deps.dispatch.defaultLanguage),
      );
      const value = JSON.stringify({ form: "besluit", prefill: { text: text.slice(0, 500) } });
      await client.chat.postEphemeral({
        channel,
        user: event.user,
        text: t("slack.pin.ask"),
        blocks: [
          {
            type: "section",
            text: { type: "mrkdwn", text: escapeMrkdwn(t("slack.pin.ask")), verbatim: true },
          },
          {
            type: "actions",
            elements: [
              {
                type: "button",
                action_id: "tafel_0",
                text: { type: "plain_text", text: t("button.besluit") },
                value,
              },
            ],
          },
        ],
      });
      return;
    }
    const outcome = await dispatch(deps.dispatch, {
      text: `besluit ${caseId} ${quoted(text)}`,
      actor: { id: event.user, handle: event.user.toLowerCase() },
      conversation: conversationOf(team, channel),
      correlationId: correlationId(),
    });
    const reply = outcome.reply.blocks[0];
    const line = reply && "text" in reply ? reply.text : "";
    await client.chat.postEphemeral({
      channel,
      user: event.user,
      ...renderPost({ to: { kind: "table", tableId: "" }, text: line }),
    });
    for (const p of outcome.posts) await deps.post(p);
  });

  /** App Home: my open agreements with their due dates and my regie cases, at every table I sit at. */
  app.event("app_home_opened", async ({ event, client }) => {
    if (event.tab !== "home") return;
    const blocks: Record<string, unknown>[] = [];
    let lang = deps.dispatch.defaultLanguage;
    for (const ref of await deps.store.tables()) {
      const doc = await deps.store.read(ref.id);
      if (!memberById(doc, event.user)) continue;
      lang = doc.table.language;
      const t = translator(lang);
      const mine = await deps.dispatch.use.work.mine(ref.id, event.user);
      if (!mine.ok) continue;
      const ctx = { t, lang, today: mine.value.today } as Parameters<typeof caseTitle>[0];
      const actions = mine.value.actions.map(
        (a) => `• ${escapeMrkdwn(`${a.id} (${a.caseId}) ${a.text} — ${formatDate(a.due, lang)}`)}`,
      );
      const cases = mine.value.cases.map((c) => `• ${escapeMrkdwn(caseTitle(ctx, c))}`);
      blocks.push(
        { type: "header", text: { type: "plain_text", text: ref.name.slice(0, 150) } },
        {
          type: "section",
          text: {
            type: "mrkdwn",
            verbatim: true,
            text: [`*${t("reply.mijn.actions")}*`, ...(actions.length ? actions : [t("reply.mijn.none")])]
              .join("\n")
              .slice(0, 3000),
          },
        },
        {
          type: "section",
          text: {
            type: "mrkdwn",
            verbatim: true,
            text: [`*${t("reply.mijn.cases")}*`, ...(cases.length ? cases : [t("reply.mijn.none")])]
              .join("\n")
              .slice(0, 3000),
          },
        },
      );
    }
    const t = translator(lang);
    const view = {
      type: "home",
      blocks: [
        { type: "header", text: { type: "plain_text", text: t("slack.home.title") } },
        ...(blocks.length
          ? blocks.slice(0, 99)
          : [{ type: "section", text: { type: "mrkdwn", text: t("slack.home.none") } }]),
      ],
    };
    await client.views.publish({ user_id: event.user, view: view as never });
  });
}
