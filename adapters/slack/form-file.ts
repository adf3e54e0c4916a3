import type { z } from "zod";
import { sentFileRefusal, sentFileText } from "../../commands/sent-file.ts";
import type { Command, InFile } from "../../commands/types.ts";
import type { DomainError } from "../../src/core/result.ts";
import { FILE_BLOCK, type ViewState } from "./forms.ts";

/** Slack's 3 seconds for a form's answer include the fetch: what Slack's file host has not sent by then fails. */
const FETCH_MS = 2000;

/**
 * The file of a form's file field, fetched with the bot's token: only from Slack's own file host, so the token
 * never goes where a forged form points it. Type and size are checked before and while it is fetched.
 */
export async function formFile(
  command: Command,
  values: z.infer<typeof ViewState>,
  token: string | undefined,
): Promise<{ file?: InFile; error?: DomainError }> {
  const sent = values[FILE_BLOCK]?.v?.files ?? [];
  const first = sent[0];
  if (!first) return {};
  const refused = sentFileRefusal(command, sent);
  if (refused) return { error: refused };
  const url = URL.canParse(first.url_private) ? new URL(first.url_private) : null;
  const unreadable = { error: { code: "bestand-onleesbaar", params: {} } };
  if (url?.protocol !== "https:" || url.hostname !== "files.slack.com" || !token) return unreadable;
  const res = await fetch(url, {
    headers: { authorization: `Bearer ${token}` },
    signal: AbortSignal.timeout(FETCH_MS),
  }).catch(() => null);
  return res ? sentFileText(command, first.name, res) : unreadable;
}
