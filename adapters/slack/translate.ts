import { handleOf } from "../../commands/handle.ts";
import type { Invocation, Person } from "../../commands/types.ts";
import { correlationId } from "../correlation.ts";

/** One table per Slack channel: the conversation key names the workspace and the channel. */
export const conversationOf = (teamId: string, channelId: string) => `slack:${teamId}:${channelId}`;
export const channelOf = (conversation: string) => conversation.split(":")[2] ?? "";

const MENTION = /<@([UW][A-Z0-9]+)(?:\|([^>]{1,80}))?>/g;

/**
 * Slack writes a mention as `<@U123|naam>`: it becomes `@naam` in the command line and a known person in the
 * invocation, so `lid @naam school` adds exactly the user that was picked. Without a name the id stands in.
 */
export function readMentions(text: string): { text: string; mentions: Map<string, Person> } {
  const mentions = new Map<string, Person>();
  const out = text.replace(MENTION, (_, id: string, name?: string) => {
    const handle = handleOf(name, id);
    mentions.set(handle, { id, handle });
    return `@${handle}`;
  });
  return { text: out, mentions };
}

export interface CommandPayload {
  team_id: string;
  channel_id: string;
  user_id: string;
  user_name: string;
  text: string;
  trigger_id: string;
}

export function invocationOf(p: CommandPayload, text = p.text): Invocation {
  const { text: line, mentions } = readMentions(text);
  return {
    text: line,
    actor: { id: p.user_id, handle: handleOf(p.user_name, p.user_id) },
    conversation: conversationOf(p.team_id, p.channel_id),
    mentions,
    correlationId: correlationId(),
  };
}
