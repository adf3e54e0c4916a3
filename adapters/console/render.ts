import type { Block, Button, Outcome, Post, Reply } from "../../commands/types.ts";

const INDENT = "    ";

function block(b: Block): string[] {
  switch (b.type) {
    case "text":
      return b.text.split("\n");
    case "fields":
      return b.fields.map(([label, value]) => `${label}: ${value}`);
    case "list":
      return [...(b.title ? [`${b.title}:`] : []), ...b.items.map((i) => `  - ${i}`)];
    case "code":
      return b.text.split("\n");
    case "image":
      return [`[${b.file}: ${b.alt}]`];
    case "stream":
      return [`[${b.file}]`];
  }
}

/** A button is the command it runs, or the form it opens: the console shows what to type. */
const typed = (buttons: readonly Button[] = []) =>
  buttons.length
    ? [
        `[${buttons
          .map((b) =>
            "run" in b
              ? `${b.label}: ${b.run}`
              : `${b.label}: ${[b.form, ...Object.values(b.prefill)].join(" ")} …`,
          )
          .join(" · ")}]`,
      ]
    : [];

export function renderReply(reply: Reply, actor: string): string[] {
  const mark = reply.visibility === "private" ? `[privé → @${actor}]` : "[tafel]";
  const lines = [
    ...(reply.title ? [reply.title] : []),
    ...reply.blocks.flatMap(block),
    ...typed(reply.buttons),
  ];
  return [`  ${mark} ${lines[0] ?? ""}`, ...lines.slice(1).map((l) => `${INDENT}${l}`)];
}

export function renderPost(post: Post): string {
  const mark = post.to.kind === "table" ? "[tafel]" : `[dm → @${post.to.handle}]`;
  return [
    `  ${mark} ${post.text.split("\n").join(`\n${INDENT}`)}`,
    ...typed(post.buttons).map((l) => INDENT + l),
  ].join("\n");
}

export function renderOutcome(outcome: Outcome, actor: string): string[] {
  return [
    ...renderReply(outcome.reply, actor),
    ...outcome.posts.filter((p) => !p.threadCopy).map(renderPost),
  ];
}
