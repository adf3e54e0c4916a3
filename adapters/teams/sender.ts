import type { App } from "@microsoft/teams.apps";
import type { Post, Reply } from "../../commands/types.ts";
import type { TeamsConfig } from "../../src/config.ts";
import type { TableDoc } from "../../src/core/model.ts";
import type { Outbound } from "../../src/core/reminders.ts";
import { outboxEntry } from "../../src/core/reminders.ts";
import { ok } from "../../src/core/result.ts";
import { memberById } from "../../src/core/table.ts";
import { translator } from "../../src/i18n/index.ts";
import { errorCode } from "../../src/infra/error-code.ts";
import { counted } from "../../src/infra/metrics.ts";
import type { Logger, Store } from "../../src/ports.ts";
import { postThreaded, type Threaded } from "../threads.ts";
import { Later, pacer, withBackoff } from "./backoff.ts";
import { postActivity } from "./render.ts";
import { teamsConversationId } from "./translate.ts";

type Activity = Record<string, unknown>;
type Target = { conversation: string } | { member: string };
type PlatformMessage = Extract<Outbound, { kind: "platform" }>;

/**
 * Everything Tafel sends to Teams goes through here: paced per conversation, retried as Teams asks, and, when
 * Teams asks to wait longer than an inbound request may take or the retries are spent, kept in the table's outbox
 * for the scheduler instead of lost.
 */
export function teamsSender(opts: { app: App; config: TeamsConfig; store: Store; logger: Logger }) {
  const { app, config, store, logger } = opts;
  const pace = pacer();

  /**
   * Keeps what Teams needs to reach a table later: its service URL and people's chats with the bot. Best effort:
   * in a database outage the command still gets its answer, and the next activity remembers it.
   */
  async function remember(conversation: string, entries: Record<string, string>) {
    try {
      const table = await store.tableFor(conversation);
      if (!table) return;
      await store.transact(table.id, (doc) => {
        const fresh = Object.entries(entries).filter(([k, v]) => doc.platform[k] !== v);
        for (const [k, v] of fresh) doc.platform[k] = v;
        return ok(null);
      });
    } catch (e) {
      logger.error("teams-remember-failed", { code: errorCode(e) });
    }
  }

  /** The API client for a table: at the service URL its conversation was last seen on. */
  const apiFor = (doc: { platform: Record<string, string> }) =>
    doc.platform.serviceUrl ? app.api.clone({ serviceUrl: doc.platform.serviceUrl }) : app.api;

  /** A person's own chat with the bot, for answers that are theirs alone; created once, then remembered. */
  async function personalChat(api: App["api"], userId: string, conversation: string, deadline?: number) {
    const table = await store.tableFor(conversation);
    const known = table ? (await store.read(table.id)).platform[`chat:${userId}`] : undefined;
    if (known) return known;
    const chat = await withBackoff(
      () =>
        api.conversations.create({
          isGroup: false,
          bot: { id: config.clientId },
          members: [{ id: userId }],
          tenantId: config.tenantId,
          channelData: { tenant: { id: config.tenantId } },
        } as never),
      deadline === undefined ? {} : { deadline },
    );
    await remember(conversation, { [`chat:${userId}`]: chat.id });
    return chat.id;
  }

  /**
   * Sends one activity to a conversation or a member's own chat (`conversation`: the table's, for that chat), and
   * returns the new message's id. A channel's reply chain is paced with its channel.
   */
  async function send(
    api: App["api"],
    to: Target,
    activity: Activity,
    conversation: string,
    deadline?: number,
  ): Promise<string | undefined> {
    const id = "member" in to ? await personalChat(api, to.member, conversation, deadline) : to.conversation;
    await pace(id.split(";")[0] as string);
    const sent = await withBackoff(
      () => counted("teams", api.conversations.activities(id).create(activity as never)),
      deadline === undefined ? {} : { deadline },
    );
    return sent?.id;
  }

  /** Keeps an activity that cannot go now in the table's outbox; the scheduler sends it through `sendKept`. */
  async function keep(tableConversation: string, to: Target, activity: Activity, why: unknown) {
    const table = await store.tableFor(tableConversation);
    logger.error("teams-send-kept", { code: errorCode(why), kept: table ? 1 : 0 });
    if (!table) throw why;
    const message: PlatformMessage = { kind: "platform", platform: "teams", to, activity };
    // Kept with the time Teams asked to wait: the scheduler's next tick may come sooner.
    const now = Date.now();
    const notBefore = new Date(now + (why instanceof Later ? why.retryAfterMs : 0));
    await store.transact(table.id, (doc) => {
      doc.outbox.push(outboxEntry(`teams:${crypto.randomUUID()}`, message, new Date(now), notBefore));
      return ok(null);
    });
  }

  /**
   * Sends, and keeps what Teams would not take now: during an inbound request (a `deadline`) a long Retry-After,
   * and in any case retries that were spent on a limit or an outage. Other failures are the caller's.
   */
  async function sendOrKeep(
    api: App["api"],
    to: Target,
    activity: Activity,
    conversation: string,
    deadline?: number,
  ): Promise<string | undefined> {
    try {
      return await send(api, to, activity, conversation, deadline);
    } catch (e) {
      if (!(e instanceof Later)) throw e;
      await keep(conversation, to, activity, e);
      return undefined;
    }
  }

  /**
   * A table message: in a channel, about a case, in that case's reply chain (the headline beside it in the
   * channel); in a group chat, which has no reply chains, or about no case, in the conversation itself.
   */
  async function toTable(
    doc: TableDoc,
    about: Threaded,
    activity: Activity,
    deadline?: number,
    where = teamsConversationId(doc.table.conversation),
  ) {
    const api = apiFor(doc);
    const conversation = doc.table.conversation;
    const base = teamsConversationId(conversation);
    const sendTo = (id: string, a: Activity) =>
      sendOrKeep(api, { conversation: id }, a, conversation, deadline);
    if (doc.platform.conversationType !== "channel" || !about.caseId) {
      if (!about.threadCopy) await sendTo(where, activity);
      return;
    }
    await postThreaded(
      store,
      doc,
      about,
      (root) => sendTo(root ? `${base};messageid=${root}` : base, activity),
      (text) => sendTo(base, postActivity({ text }, conversation)),
    );
  }

  /**
   * A table reply about a case goes to the case's reply chain, from wherever it was asked (a button in a
   * personal chat too); who asked elsewhere hears where it went. False when the reply is about no case.
   */
  async function aboutCase(
    reply: Reply,
    here: string,
    table: string,
    deadline: number,
    activity: Activity,
    tell: boolean,
  ) {
    if (reply.visibility !== "table" || !reply.caseId) return false;
    const ref = await store.tableFor(table);
    if (!ref) return false;
    const doc = await store.read(ref.id);
    await toTable(doc, reply, activity, deadline);
    if (tell && here !== table)
      await sendOrKeep(
        apiFor(doc),
        { conversation: teamsConversationId(here) },
        postActivity({ text: translator(doc.table.language)("draad.geplaatst", { id: reply.caseId }) }),
        table,
        deadline,
      );
    return true;
  }

  async function deliverPost(post: Post, deadline?: number) {
    const doc = await store.read(post.to.tableId);
    const activity = postActivity(post, doc.table.conversation);
    if (post.to.kind === "table") return toTable(doc, post, activity, deadline);
    // Someone who left the table hears nothing more from it.
    if (!memberById(doc, post.to.id)) return;
    await sendOrKeep(apiFor(doc), { member: post.to.id }, activity, doc.table.conversation, deadline);
  }

  /** A kept message, when the scheduler's turn comes: a failure now is the scheduler's to retry. */
  async function sendKept(tableId: string, message: PlatformMessage) {
    const doc = await store.read(tableId);
    if ("member" in message.to && !memberById(doc, message.to.member)) return;
    await send(apiFor(doc), message.to, message.activity, doc.table.conversation);
  }

  return { remember, apiFor, sendOrKeep, aboutCase, deliverPost, sendKept };
}
