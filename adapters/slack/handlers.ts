import type { App } from "@slack/bolt";
import { z } from "zod";
import { firstDelivery } from "../../commands/delivery.ts";
import { type DispatchDeps, dispatch, dispatchThen, errorText } from "../../commands/dispatch.ts";
import { quoted } from "../../commands/form-line.ts";
import { handleOf } from "../../commands/handle.ts";
import { languageOf } from "../../commands/language.ts";
import { findCommand } from "../../commands/list/help.ts";
import { COMMANDS } from "../../commands/registry.ts";
import type { Block, Invocation, Outcome, Post, Reply } from "../../commands/types.ts";
import { memberById } from "../../src/core/table.ts";
import { translator } from "../../src/i18n/index.ts";
import type { Store } from "../../src/ports.ts";
import { correlationId } from "../correlation.ts";
import { BLOCKS_MAX } from "./escape.ts";
import { formFile } from "./form-file.ts";
import { commandLine, FILE_BLOCK, FORM_CALLBACK, FormMeta, formView, ViewState } from "./forms.ts";
import { toChannel } from "./notifier.ts";
import { renderReply } from "./render.ts";
import { conversationOf, invocationOf, readMentions } from "./translate.ts";

export interface SlackDeps {
  dispatch: DispatchDeps;
  store: Store;
  post: (p: Post) => Promise<void>;
}

/** A delivery Slack or the person repeated (retry, double click, form sent twice), by any instance. */
export const repeated = async (deps: SlackDeps, key: string) =>
  !(await firstDelivery(deps.store, deps.dispatch.logger, key));

/** Export files and other long code go to the person's DM as a file instead of a message that cannot hold them. */
const LONG_CODE = 2900;
/** What goes as files: named downloads (export, CSV), other long code, and every picture. */
const longCode = (reply: Reply) =>
  reply.blocks.filter(
    (b): b is Extract<Block, { type: "code" | "image" | "stream" }> =>
      (b.type === "code" && (b.file !== undefined || b.text.length > LONG_CODE)) ||
      b.type === "image" ||
      b.type === "stream",
  );

const tableLanguage = (deps: SlackDeps, conversation: string) =>
  languageOf(deps.store, conversation, deps.dispatch.defaultLanguage);

/** The handle a picked Slack user has at this table, or their id when they are not a member. */
async function handleResolver(deps: SlackDeps, conversation: string) {
  const table = await deps.store.tableFor(conversation);
  const doc = table ? await deps.store.read(table.id) : null;
  return (id: string) => (doc && memberById(doc, id)?.handle) ?? id.toLowerCase();
}

/** What a Tafel button carries (render.ts buttonValue), read with zod: a clicked value is input from outside. */
const ButtonValue = z.object({
  run: z.string().max(500).optional(),
  form: z.string().max(40).optional(),
  prefill: z.record(z.string().max(40), z.string().max(500)).optional(),
  table: z
    .string()
    .regex(/^[CGD][A-Z0-9]{1,30}$/)
    .optional(),
});

/** The message shortcut "Vastleggen als besluit", read with zod: the fields Tafel uses, each bounded. */
const MessageShortcut = z.object({
  type: z.literal("message_action"),
  action_ts: z.string().max(40),
  trigger_id: z.string().max(200),
  channel: z.object({ id: z.string().regex(/^[CGD][A-Z0-9]{1,30}$/) }),
  team: z.object({ id: z.string().max(40) }).nullish(),
  user: z.object({ id: z.string().regex(/^[UW][A-Z0-9]{1,30}$/), username: z.string().max(80).optional() }),
  message: z.object({ text: z.string().max(40_000).optional() }),
});

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};

export function registerHandlers(app: App, deps: SlackDeps) {
  async function openForm(
    client: App["client"],
    triggerId: string,
    name: string,
    team: string,
    channel: string,
    prefill: Record<string, string> = {},
  ) {
    const command = findCommand(COMMANDS, name);
    if (!command) return;
    const lang = await tableLanguage(deps, conversationOf(team, channel));
    const view = formView(command, lang, translator(lang), { command: command.name, team, channel }, prefill);
    await client.views.open({ trigger_id: triggerId, view: view as never });
  }

  /**
   * A reply as Block Kit. Only a reply that fills a whole message was cut, and only its cut line needs the table's
   * language: the store is asked then, not on every command.
   */
  async function rendered(reply: Reply, conversation: string) {
    const first = renderReply(reply);
    return first.blocks.length < BLOCKS_MAX
      ? first
      : renderReply(reply, translator(await tableLanguage(deps, conversation)));
  }

  /** The table of a channel as stored, for a reply that goes to a case's thread. */
  async function tableDoc(conversation: string) {
    const ref = await deps.store.tableFor(conversation);
    return ref ? deps.store.read(ref.id) : null;
  }

  /** A table reply: about a case, in that case's thread, with its headline in the channel; else in the channel. */
  async function toTable(
    reply: Reply,
    channel: string,
    client: App["client"],
    team: string,
    doc?: Awaited<ReturnType<typeof tableDoc>>,
  ) {
    const conversation = conversationOf(team, channel);
    const message = await rendered(reply, conversation);
    const table = reply.caseId ? (doc ?? (await tableDoc(conversation))) : null;
    if (!table) return void (await client.chat.postMessage({ channel, ...message }));
    await toChannel(client, deps.store, table, message, reply);
  }

  /** Runs a command for a user in a channel and delivers its reply and posts after the caller has acknowledged. */
  async function deliver(outcome: Outcome, user: string, channel: string, client: App["client"], team = "") {
    const files = longCode(outcome.reply);
    if (files.length > 0) {
      const t = translator(await tableLanguage(deps, conversationOf(team, channel)));
      const im = await client.conversations.open({ users: user });
      const channelId = im.channel?.id ?? user;
      for (const f of files) {
        if (f.type === "code") {
          await client.files.uploadV2({
            channel_id: channelId,
            filename: f.file ?? "tafel.txt",
            content: f.text,
          });
          continue;
        }
        if (f.type === "stream") {
          // Slack's upload wants the file's length first: it is gathered as bytes, UTF-8, never one string.
          const parts: Buffer[] = [];
          await f.write(async (piece) => void parts.push(Buffer.from(piece)));
          await client.files.uploadV2({
            channel_id: channelId,
            filename: f.file,
            file: Buffer.concat(parts),
          });
          continue;
        }
        await client.files.uploadV2({
          channel_id: channelId,
          filename: f.file,
          file: Buffer.from(f.png, "base64"),
          alt_text: f.alt,
        });
        // The SVG beside the picture, for print and for the council's own documents.
        if (f.svg)
          await client.files.uploadV2({
            channel_id: channelId,
            filename: f.file.replace(/\.png$/, ".svg"),
            content: f.svg,
          });
      }
      await client.chat.postEphemeral({ channel, user, text: t("slack.export.file") });
    } else if (outcome.reply.visibility === "table") await toTable(outcome.reply, channel, client, team);
    else
      await client.chat.postEphemeral({
        channel,
        user,
        ...(await rendered(outcome.reply, conversationOf(team, channel))),
      });
    for (const p of outcome.posts) await deps.post(p);
  }

  app.command("/tafel", async ({ command, ack, client }) => {
    if (await repeated(deps, `command:${command.trigger_id}`)) return ack();
    const name = command.text.trim().toLowerCase();
    const form = findCommand(COMMANDS, name);
    if (form?.form) {
      await ack();
      await openForm(client, command.trigger_id, form.name, command.team_id, command.channel_id);
      return;
    }
    const named = findCommand(COMMANDS, name.split(/\s/)[0] ?? "");
    if (named?.files) {
      // Slack's 3 seconds are not the export's: acknowledged first, the files (or a refusal) follow privately.
      await ack();
      const outcome = await dispatch(deps.dispatch, invocationOf(command));
      await deliver(outcome, command.user_id, command.channel_id, client, command.team_id);
      return;
    }
    await dispatchThen(deps.dispatch, invocationOf(command), async (outcome) => {
      if (longCode(outcome.reply).length > 0) {
        await ack();
        await deliver(outcome, command.user_id, command.channel_id, client, command.team_id);
        return;
      }
      if (outcome.reply.visibility === "table" && outcome.reply.caseId) {
        // A slash command cannot answer in a thread: the answer goes to the case's thread, the sender hears where.
        const doc = await tableDoc(conversationOf(command.team_id, command.channel_id));
        const t = translator(doc?.table.language ?? deps.dispatch.defaultLanguage);
        await ack({ response_type: "ephemeral", text: t("draad.geplaatst", { id: outcome.reply.caseId }) });
        await toTable(outcome.reply, command.channel_id, client, command.team_id, doc);
        for (const p of outcome.posts) await deps.post(p);
        return;
      }
      // The answer rides on the acknowledgement; only the posts to others wait until after it.
      await ack({
        response_type: outcome.reply.visibility === "table" ? "in_channel" : "ephemeral",
        ...(await rendered(outcome.reply, conversationOf(command.team_id, command.channel_id))),
      });
      for (const p of outcome.posts) await deps.post(p);
    });
  });

  // Another command routed to this app (renamed, or a second app's): acknowledged at once and privately, so the
  // sender hears what Tafel listens to instead of Slack's time-out after Bolt's 404.
  app.command(/^(?!\/tafel$)/, async ({ command, ack }) => {
    const doc = await tableDoc(conversationOf(command.team_id, command.channel_id));
    await ack({
      response_type: "ephemeral",
      text: translator(doc?.table.language ?? deps.dispatch.defaultLanguage)("slack.andere-opdracht"),
    });
  });

  app.action(/^tafel_\d+$/, async ({ ack, body, action, client }) => {
    await ack();
    if (body.type !== "block_actions" || action.type !== "button") return;
    const stamp = "action_ts" in action ? action.action_ts : body.trigger_id;
    if (await repeated(deps, `action:${body.user.id}:${stamp}`)) return;
    const parsed = ButtonValue.safeParse(parseJson(action.value ?? "{}"));
    if (!parsed.success) return;
    const value = parsed.data;
    // A button in a DM names its table's channel; membership is checked by dispatch as for any command.
    const channel = value.table ?? body.channel?.id ?? body.container?.channel_id;
    const team = body.team?.id;
    if (!channel || !team) return;
    if (value.form) {
      await openForm(client, body.trigger_id, value.form, team, channel, value.prefill);
      return;
    }
    const inv: Invocation = {
      text: value.run ?? "help",
      actor: {
        id: body.user.id,
        handle: handleOf(body.user.username ?? body.user.name, body.user.id),
      },
      conversation: conversationOf(team, channel),
      correlationId: correlationId(),
    };
    await dispatchThen(deps.dispatch, inv, (o) => deliver(o, body.user.id, channel, client, team));
  });

  app.view(FORM_CALLBACK, async ({ ack, body, view, client }) => {
    const delivery = `view:${view.id}:${view.hash}`;
    if (await repeated(deps, delivery)) return ack();
    const meta = FormMeta.safeParse(parseJson(view.private_metadata));
    const values = ViewState.safeParse(view.state.values);
    const command = meta.success ? findCommand(COMMANDS, meta.data.command) : undefined;
    if (!meta.success || !values.success || !command) {
      // A form of another shape, or of a command that no longer exists: the modal says so instead of failing.
      deps.dispatch.logger.error("slack-unexpected-shape", { kind: "view_submission" });
      const t = translator(deps.dispatch.defaultLanguage);
      return ack({
        response_action: "update",
        view: {
          type: "modal",
          title: { type: "plain_text", text: "Tafel" },
          close: { type: "plain_text", text: t("form.cancel") },
          blocks: [{ type: "section", text: { type: "plain_text", text: t("kaart.verouderd") } }],
        },
      });
    }
    const conversation = conversationOf(meta.data.team, meta.data.channel);
    const { text, mentions } = commandLine(command, values.data, await handleResolver(deps, conversation));
    const sent = await formFile(command, values.data, client.token);
    if (sent.error) {
      // Refused at the edge, so nothing ran: shown on the file field, and the corrected form may run.
      const lang = await tableLanguage(deps, conversation);
      await deps.store.forgetDelivery(delivery).catch(() => undefined);
      return ack({
        response_action: "errors",
        errors: { [FILE_BLOCK]: errorText(translator(lang), sent.error, lang) },
      });
    }
    const inv: Invocation = {
      text,
      actor: { id: body.user.id, handle: handleOf(body.user.name, body.user.id) },
      conversation,
      mentions,
      correlationId: correlationId(),
      ...(sent.file ? { file: sent.file } : {}),
    };
    const outcome = await dispatch(deps.dispatch, inv);
    const error = outcome.reply.error;
    if (error) {
      // Errors are shown on the field they concern, in the form, so nothing typed is lost.
      const lang = await tableLanguage(deps, conversation);
      const t = translator(lang);
      // A file's problems (its rows) are shown on the file field; others on the field named, or the first.
      const field =
        typeof error.params.field === "string"
          ? error.params.field
          : inv.file
            ? FILE_BLOCK
            : (Object.keys(command.params)[0] ?? "");
      // Refused, so it had no effect: the corrected form (same view id and hash) must run.
      await deps.store.forgetDelivery(delivery).catch(() => undefined);
      await ack({ response_action: "errors", errors: { [field]: errorText(t, error, lang).slice(0, 2000) } });
      return;
    }
    await ack();
    await deliver(outcome, body.user.id, meta.data.channel, client, meta.data.team);
  });

  app.shortcut("besluit_vastleggen", async ({ ack, shortcut: raw, client }) => {
    await ack();
    const parsed = MessageShortcut.safeParse(raw);
    if (!parsed.success)
      return void deps.dispatch.logger.error("slack-unexpected-shape", { kind: "shortcut" });
    const shortcut = parsed.data;
    const channel = shortcut.channel.id;
    const team = shortcut.team?.id ?? "";
    const text = readMentions(shortcut.message.text ?? "").text;
    const caseId = /\bC-[1-9]\d{0,6}\b/.exec(text)?.[0];
    // The same shortcut delivered twice (a double click, a second instance) records one decision.
    if (await repeated(deps, `shortcut:${shortcut.user.id}:${shortcut.action_ts}`)) return;
    if (caseId) {
      const inv: Invocation = {
        text: `besluit ${caseId} ${quoted(text)}`,
        actor: { id: shortcut.user.id, handle: handleOf(shortcut.user.username, shortcut.user.id) },
        conversation: conversationOf(team, channel),
        correlationId: correlationId(),
      };
      await deliver(await dispatch(deps.dispatch, inv), shortcut.user.id, channel, client, team);
      return;
    }
    // The case cannot be read from the message: a form asks for it, with the text already in.
    await openForm(client, shortcut.trigger_id, "besluit", team, channel, { text: text.slice(0, 500) });
  });

  // What Tafel no longer knows (a button of an old card, an old form, a shortcut it never declared) is still
  // acknowledged, so Slack shows no error, and the person hears privately that the card is out of date.
  app.action({ action_id: /^(?!tafel_\d+$)/ }, async ({ ack, body, client }) => {
    await ack();
    const channel = "channel" in body ? body.channel?.id : undefined;
    if (!channel) return;
    const t = translator(await tableLanguage(deps, conversationOf(body.team?.id ?? "", channel)));
    await client.chat.postEphemeral({ channel, user: body.user.id, text: t("slack.verouderd") });
  });
  app.view({ callback_id: new RegExp(`^(?!${FORM_CALLBACK}$)`) }, async ({ ack }) => {
    await ack();
  });
  app.shortcut({ callback_id: /^(?!besluit_vastleggen$)/ }, async ({ ack }) => {
    await ack();
  });
}
