import type { Block, Button, Post, Reply } from "../../commands/types.ts";
import { type Translate, translator } from "../../src/i18n/index.ts";

/** Adaptive Cards as plain JSON (schema 1.5): TextBlocks never render markdown links or mentions from user text. */
export type Card = Record<string, unknown>;
const CARD_MAX_BYTES = 27_000;

const text = (t: string, extra: Record<string, unknown> = {}) => ({
  type: "TextBlock",
  text: t,
  wrap: true,
  ...extra,
});

/**
 * A TextBlock renders a markdown subset, in which `[x](https://…)` would become a link, `*…*` emphasis and a
 * line starting with `-`, `+`, `#`, `>` or `1.` a list or heading: all of it escaped, in every text a card shows
 * (titles, facts, list items, code). Mentions need an entity on the activity, which Tafel never adds.
 */
export const escapeMarkdown = (t: string) =>
  t.replace(/([\\[\]()*_~`])/g, "\\$1").replace(/^(\s*)([-+#>]|\d+\.)/gm, "$1\\$2");

function element(b: Block): Card[] {
  switch (b.type) {
    case "text":
      return [text(escapeMarkdown(b.text))];
    case "fields":
      return [
        {
          type: "FactSet",
          facts: b.fields.map(([title, value]) => ({
            title: escapeMarkdown(title),
            value: escapeMarkdown(value),
          })),
        },
      ];
    case "list":
      return [
        ...(b.title ? [text(escapeMarkdown(b.title), { weight: "Bolder" })] : []),
        ...b.items.map((i) => text(`• ${escapeMarkdown(i)}`, { spacing: "None" })),
      ];
    case "code":
      return [text(escapeMarkdown(b.text), { fontType: "Monospace" })];
    case "stream":
      return [text(escapeMarkdown(b.file), { fontType: "Monospace" })];
    case "image":
      return [{ type: "Image", url: `data:image/png;base64,${b.preview ?? b.png}`, altText: b.alt }];
  }
}

/**
 * Buttons run a command (Action.Execute: the card is updated with the answer) or open a command's dialog. Each
 * names the table it belongs to: Teams sends the click from wherever the card sits, often the person's own chat.
 */
const action = (b: Button, table?: string): Card => {
  const named = table ? { table } : {};
  return "run" in b
    ? { type: "Action.Execute", title: b.label, verb: "tafel", data: { run: b.run, ...named } }
    : {
        type: "Action.Submit",
        title: b.label,
        data: { msteams: { type: "task/fetch" }, tafelForm: b.form, prefill: b.prefill, ...named },
      };
};

/**
 * Files (export, audit export, the report's CSV and chart) are not put in a card: each gets a download link
 * (`links`, from files.ts), or, where Tafel has no public host to serve it from, a line that says so.
 */
export interface CardFiles {
  links: ReadonlyMap<string, string | null>;
  t: Translate;
}

export function replyCard(reply: Reply, table?: string, files?: CardFiles): Card {
  const t = files?.t ?? translator("nl");
  const isFile = (b: Block) =>
    (b.type === "code" && b.file !== undefined) || b.type === "image" || b.type === "stream";
  const fileNames = reply.blocks.flatMap((b) =>
    (b.type === "code" || b.type === "image" || b.type === "stream") && isFile(b) ? [b.file ?? ""] : [],
  );
  const body: Card[] = [
    ...(reply.title ? [text(escapeMarkdown(reply.title), { size: "Medium", weight: "Bolder" })] : []),
    // A picture stays in the card as its small preview; its full size is a download like the other files.
    ...reply.blocks.flatMap((b) =>
      files && isFile(b) && (b.type === "code" || b.type === "stream")
        ? [
            text(
              escapeMarkdown(
                t(files.links.get(b.file ?? "") ? "teams.file.link" : "teams.file.none", {
                  file: b.file ?? "",
                }),
              ),
            ),
          ]
        : element(b),
    ),
  ];
  const downloads = files
    ? fileNames.flatMap((f) => {
        const url = files.links.get(f);
        return url ? [{ type: "Action.OpenUrl", title: t("teams.file.download", { file: f }), url }] : [];
      })
    : [];
  const card: Card = {
    type: "AdaptiveCard",
    version: "1.5",
    body,
    actions: [
      ...downloads,
      ...(reply.buttons ?? []).slice(0, 6 - downloads.length).map((b) => action(b, table)),
    ],
  };
  // Teams refuses a card over about 28 KB: the last lines give way, and the card says so and where the rest is.
  if (JSON.stringify(card).length > CARD_MAX_BYTES) {
    while (JSON.stringify(card).length > CARD_MAX_BYTES - 600 && body.length > 1) body.pop();
    body.push(text(escapeMarkdown(t("teams.card.cut")), { weight: "Bolder" }));
  }
  return card;
}

// A file's contents are behind its link (or said to be unavailable): the text names the file, as for a stream.
const blockText = (b: Block) =>
  b.type === "code" && b.file !== undefined
    ? b.file
    : b.type === "text" || b.type === "code"
      ? b.text
      : b.type === "list"
        ? b.items.join("\n")
        : b.type === "image"
          ? b.alt
          : b.type === "stream"
            ? b.file
            : b.fields.map((f) => `${f[0]}: ${f[1]}`).join("\n");

/** Teams' text of a message, at most 4,000 characters: cut after the last whole line that fits, and said so. */
const TEXT_MAX = 4000;
export function cutAtLine(text: string, max = TEXT_MAX): string {
  if (text.length <= max) return text;
  const room = text.slice(0, max - 2);
  const end = room.lastIndexOf("\n");
  // A text of one long line is cut at a word instead.
  const at = end > 0 ? end : Math.max(room.lastIndexOf(" "), 0) || max - 2;
  return `${text.slice(0, at).trimEnd()}\n…`;
}

const plain = (reply: Reply) =>
  cutAtLine([reply.title ?? "", ...reply.blocks.map(blockText)].filter(Boolean).join("\n"));

/** A message with the card and a text fallback for notifications and clients that do not render cards. */
export function replyActivity(reply: Reply, table?: string, files?: CardFiles) {
  return {
    type: "message" as const,
    text: plain(reply),
    textFormat: "plain",
    attachments: [
      { contentType: "application/vnd.microsoft.card.adaptive", content: replyCard(reply, table, files) },
    ],
  };
}

/** A post as a message; with buttons, a card whose actions name the table (the click may come from a chat). */
export const postActivity = (post: Pick<Post, "text" | "buttons">, table?: string) => ({
  type: "message" as const,
  text: cutAtLine(post.text),
  textFormat: "plain",
  ...(post.buttons?.length
    ? {
        attachments: [
          {
            contentType: "application/vnd.microsoft.card.adaptive",
            content: replyCard(
              { visibility: "table", blocks: [{ type: "text", text: post.text }], buttons: post.buttons },
              table,
            ),
          },
        ],
      }
    : {}),
});
