import { handleOf } from "../../commands/handle.ts";
import { findCommand } from "../../commands/list/help.ts";
import { COMMANDS } from "../../commands/registry.ts";
import { tokenize } from "../../commands/tokenize.ts";
import type { Invocation, Person } from "../../commands/types.ts";
import { readPupilRef } from "../../src/core/pupil.ts";
import { correlationId } from "../correlation.ts";
import type { InboundMessage } from "./inbound.ts";

/** One table per Teams conversation (channel, group chat); the thread part of a channel id is left out. */
export const conversationOf = (tenantId: string, conversationId: string) =>
  `teams:${tenantId}:${conversationId.split(";")[0]}`;
export const teamsConversationId = (conversation: string) => conversation.split(":").slice(2).join(":");

/**
 * `@Tafel lid @Joost school` arrives as text with `<at>Joost</at>` and a mention entity: the mention becomes
 * `@joost` in the command line and a known person (Teams id) in the invocation; the bot's own mention goes.
 */
export function invocationOf(a: InboundMessage, tenantId: string, botId: string): Invocation {
  let text = a.text ?? "";
  const mentions = new Map<string, Person>();
  for (const e of a.entities ?? []) {
    if (e.type !== "mention" || !e.mentioned || !e.text) continue;
    if (e.mentioned.id.endsWith(botId)) {
      text = text.replace(e.text, "");
      continue;
    }
    const handle = handleOf(e.mentioned.name, e.mentioned.id);
    mentions.set(handle, { id: e.mentioned.id, handle });
    text = text.replace(e.text, `@${handle}`);
  }
  return {
    text: text.replace(/<at>[^<]*<\/at>/g, "").trim(),
    actor: { id: a.from.id, handle: handleOf(a.from.name, a.from.id) },
    conversation: conversationOf(a.conversation.tenantId ?? tenantId, a.conversation.id),
    mentions,
    correlationId: correlationId(),
  };
}

/**
 * The command of a line that puts a raw pupil number where a key or case id could have stood (`signaal 1234567 …`,
 * `zoek 1234567`), or null: such a line belongs in a private form, not in a channel message.
 */
export function typesPupilNumber(text: string): string | null {
  const [name, pupil] = tokenize(text).map((t) => t.text.toLowerCase());
  const command = name ? findCommand(COMMANDS, name) : undefined;
  const first = command ? Object.values(command.params)[0] : undefined;
  return command &&
    first?.form?.kind === "pupil" &&
    pupil !== undefined &&
    readPupilRef(pupil)?.kind === "number"
    ? command.name
    : null;
}
