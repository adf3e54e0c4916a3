import type { App } from "@slack/bolt";
import { z } from "zod";
import { dispatch } from "../../commands/dispatch.ts";
import { quoted } from "../../commands/form-line.ts";
import { handleOf } from "../../commands/handle.ts";
import { languageOf } from "../../commands/language.ts";
import { memberById } from "../../src/core/table.ts";
import { translator } from "../../src/i18n/index.ts";
import { correlationId } from "../correlation.ts";
import { escapeMrkdwn } from "./escape.ts";
import { repeated, type SlackDeps } from "./handlers.ts";
import { renderReply } from "./render.ts";
import { conversationOf, readMentions } from "./translate.ts";

const CASE = /\bC-[1-9]\d{0,6}\b/;
/** Tables on App Home: three blocks each within Slack's 100, beside the title and the line that counts the rest. */
const HOME_TABLES = 32;
/** Slack's limit for a section's text. */
const SECTION_MAX = 3000;

/** A title and whole lines up to a section's limit; the lines left out are counted in the last line. */
export function fitted(title: string, lines: readonly string[], more: (n: number) => string): string {
  const kept = [title];
  let length = title.length;
  for (const [i, line] of lines.entries()) {
    const rest = lines.length - i - 1;
    // Room for this line, and for the closing count if lines remain after it.
    const tail = rest > 0 ? more(rest).length + 1 : 0;
    if (length + 1 + line.length + tail > SECTION_MAX) {
      kept.push(more(lines.length - i));
      return kept.join("\n");
    }
    kept.push(line);
    length += 1 + line.length;
  }
  return kept.join("\n");
}

export function registerEvents(app: App, deps: SlackDeps) {
  /** A 📌 on a message, read with zod: any other reaction, item or shape is not Tafel's and is left alone. */
  const PinEvent = z.object({
    reaction: z.literal("pushpin"),
    user: z.string().regex(/^[UW][A-Z0-9]{1,30}$/),
    item: z.object({
      type: z.literal("message"),
      channel: z.string().regex(/^[CGD][A-Z0-9]{1,30}$/),
      ts: z.string().regex(/^\d{1,12}\.\d{1,8}$/),
    }),
  });

  /**
   * 📌 on a message in a case's thread records that message as a decision of the case. The case is read from the
   * thread's first message (Tafel's own post names it) or the message itself; when neither names one, the person
   * who pinned gets a button that opens the decision form with the text filled in.
   */
  app.event("reaction_added", async ({ event: raw, body, client }) => {
    const parsed = PinEvent.safeParse(raw);
    if (!parsed.success) return;
    const event = parsed.data;
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
      actor: { id: event.user, handle: handleOf(undefined, event.user) },
      conversation: conversationOf(team, channel),
      correlationId: correlationId(),
    });
    await client.chat.postEphemeral({ channel, user: event.user, ...renderReply(outcome.reply) });
    for (const p of outcome.posts) await deps.post(p);
  });

  /**
   * App Home: my open agreements with their due dates and my regie cases, at every table I sit at. Slack takes 100
   * blocks and 3,000 characters a section: what does not fit is counted and pointed to, never cut off unsaid.
   */
  app.event("app_home_opened", async ({ event, client }) => {
    if (event.tab !== "home") return;
    const tables: Array<{ work: number; blocks: Record<string, unknown>[] }> = [];
    let lang = deps.dispatch.defaultLanguage;
    for (const ref of await deps.store.tables()) {
      const doc = await deps.store.read(ref.id);
      if (!memberById(doc, event.user)) continue;
      lang = doc.table.language;
      const t = translator(lang);
      // The table's `mijn`, as the person would type it there: one reply, rendered for the Home tab.
      const mine = await dispatch(deps.dispatch, {
        text: "mijn",
        actor: {
          id: event.user,
          handle: memberById(doc, event.user)?.handle ?? handleOf(undefined, event.user),
        },
        conversation: ref.conversation,
        correlationId: correlationId(),
      });
      if (mine.reply.error) continue;
      const lists = mine.reply.blocks.flatMap((b) => (b.type === "list" ? [b] : []));
      const none = t("reply.mijn.none");
      const section = (title: string, items: readonly string[]) => ({
        type: "section",
        text: {
          type: "mrkdwn",
          verbatim: true,
          text: fitted(
            `*${escapeMrkdwn(title)}*`,
            items.map((i) => (i === none ? i : `• ${escapeMrkdwn(i)}`)),
            (n) => t("slack.home.more", { n }),
          ),
        },
      });
      tables.push({
        work: lists.flatMap((l) => l.items).filter((i) => i !== none).length,
        blocks: [
          { type: "header", text: { type: "plain_text", text: ref.name.slice(0, 150) } },
          ...lists.map((l) => section(l.title ?? "", l.items)),
        ],
      });
    }
    const t = translator(lang);
    // Tables with work for me first; three blocks a table, so 32 fit beside the title and a closing line.
    const shown = tables.sort((a, b) => b.work - a.work).slice(0, HOME_TABLES);
    const hidden = tables.length - shown.length;
    const view = {
      type: "home",
      blocks: [
        { type: "header", text: { type: "plain_text", text: t("slack.home.title") } },
        ...(shown.length
          ? shown.flatMap((x) => x.blocks)
          : [{ type: "section", text: { type: "mrkdwn", text: t("slack.home.none") } }]),
        ...(hidden > 0
          ? [{ type: "section", text: { type: "mrkdwn", text: t("slack.home.tables.more", { n: hidden }) } }]
          : []),
      ],
    };
    await client.views.publish({ user_id: event.user, view: view as never });
  });
}
