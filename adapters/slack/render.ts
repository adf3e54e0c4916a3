import type { Block, Button, Post, Reply } from "../../commands/types.ts";
import { type Translate, translator } from "../../src/i18n/index.ts";
import { BLOCKS_MAX, clip, escapeMrkdwn, SECTION_MAX } from "./escape.ts";

/** Block Kit as plain objects: the shapes of @slack/types, kept loose here so the renderer stays small. */
export type SlackBlock = Record<string, unknown>;

/** User text is shown literally: plain text, never mrkdwn, so no bold, link or mention comes from it. */
const plain = (text: string) => ({ type: "plain_text", text, emoji: false });
const section = (text: string): SlackBlock => ({ type: "section", text: plain(clip(text, SECTION_MAX)) });

/** Splits lines into sections that each stay under Slack's section limit. */
function sections(lines: readonly string[]): SlackBlock[] {
  const out: SlackBlock[] = [];
  let current = "";
  for (const line of lines) {
    if (current && current.length + line.length + 1 > SECTION_MAX) {
      out.push(section(current));
      current = "";
    }
    current = current ? `${current}\n${line}` : line;
  }
  if (current) out.push(section(current));
  return out;
}

function block(b: Block): SlackBlock[] {
  switch (b.type) {
    case "text":
      return sections(b.text.split("\n"));
    case "fields": {
      const out: SlackBlock[] = [];
      for (let i = 0; i < b.fields.length; i += 10)
        out.push({
          type: "section",
          fields: b.fields.slice(i, i + 10).map(([label, value]) => plain(clip(`${label}\n${value}`, 2000))),
        });
      return out;
    }
    case "list":
      return sections([...(b.title ? [b.title] : []), ...b.items.map((i) => `• ${i}`)]);
    case "code":
      // Machine-readable output as it is; long output goes as a file (handlers.ts).
      return sections(b.text.split("\n"));
    case "stream":
      // Always a file (handlers.ts); the message names it.
      return sections([b.file]);
    case "image":
      // The picture itself goes as a file (see handlers); the message carries its description.
      return [{ type: "context", elements: [plain(clip(b.alt, 2000))] }];
  }
}

/**
 * A button's value is the command it runs, or the form it opens; never free text. A button in a direct message
 * names its table's channel: the click comes from the DM, where no table meets.
 */
export const buttonValue = (b: Button, table?: string) =>
  JSON.stringify({
    ...("run" in b ? { run: b.run } : { form: b.form, prefill: b.prefill }),
    ...(table ? { table } : {}),
  });

function actions(buttons: readonly Button[], table?: string): SlackBlock[] {
  if (buttons.length === 0) return [];
  return [
    {
      type: "actions",
      elements: buttons.slice(0, 25).map((b, i) => ({
        type: "button",
        action_id: `tafel_${i}`,
        text: { type: "plain_text", text: clip(b.label, 75) },
        value: buttonValue(b, table),
      })),
    },
  ];
}

/**
 * A reply as Block Kit, within Slack's limits; the fallback text is for notifications and screen readers. What
 * does not fit the 50 blocks of a message is counted and said, in the table's language, never cut off unsaid.
 */
export function renderReply(
  reply: Reply,
  t: Translate = translator("nl"),
): { text: string; blocks: SlackBlock[] } {
  const head = reply.title
    ? [{ type: "header", text: { type: "plain_text", text: clip(reply.title, 150) } }]
    : [];
  const body = reply.blocks.flatMap(block);
  const tail = actions(reply.buttons ?? []);
  const room = BLOCKS_MAX - head.length - tail.length;
  const dropped = body.slice(room - 1);
  const hiddenLines = dropped.reduce(
    (n, b) => n + (((b.text as { text?: string })?.text ?? "").split("\n").length || 1),
    0,
  );
  const kept =
    body.length > room ? [...body.slice(0, room - 1), section(t("slack.cut", { n: hiddenLines }))] : body;
  const first = reply.blocks[0];
  const text = reply.title ?? (first && "text" in first ? first.text : "Tafel");
  return { text: clip(escapeMrkdwn(text), 3000), blocks: [...head, ...kept, ...tail] };
}

export function renderPost(
  post: Pick<Post, "text" | "buttons">,
  table?: string,
): { text: string; blocks: SlackBlock[] } {
  return {
    text: clip(escapeMrkdwn(post.text.split("\n")[0] ?? ""), 3000),
    blocks: [...sections(post.text.split("\n")), ...actions(post.buttons ?? [], table)],
  };
}
