import { type Entry, FUNCTION_KNOWLEDGE, MAS_KNOWLEDGE, SCHOOL_KNOWLEDGE } from "../src/core/knowledge.ts";
import { FUNCTIONS, type Functie, may } from "../src/core/permissions.ts";
import type { Block, Command, CommandContext, Reply } from "./types.ts";

type Words = Pick<CommandContext, "t" | "lang" | "commands">;

/** The words `help` takes for a topic of knowledge (FR-14): `help rollen`, `help mas`, `help school`, `help jgz`. */
const TOPICS: ReadonlyMap<string, "rollen" | "mas" | "school" | Functie> = new Map<
  string,
  "rollen" | "mas" | "school" | Functie
>([
  ["rollen", "rollen"],
  ["roles", "rollen"],
  ["functies", "rollen"],
  ["mas", "mas"],
  ["school", "school"],
  ["lpa", "leerplichtambtenaar"],
  ["leerplicht", "leerplichtambtenaar"],
  ...FUNCTIONS.map((f) => [f, f] as const),
]);

export const topicOf = (word: string) => TOPICS.get(word);

const line = (w: Words, e: Entry) => `${e.text[w.lang]} ${e.source}`;

/** The commands a function may use that not every member may: read from the permissions table. */
const gated = (commands: readonly Command[], f: Functie) =>
  commands.filter((c) => typeof c.may === "string" && may({ role: f, boa: true }, c.may)).map((c) => c.name);

export function knowledgeBlocks(w: Words, topic: "rollen" | "mas" | "school" | Functie): Block[] {
  if (topic === "rollen")
    return [
      { type: "text", text: w.t("help.kennis.rollen") },
      {
        type: "list",
        items: FUNCTIONS.map((f) => `${w.t(`role.${f}`)} — ${line(w, FUNCTION_KNOWLEDGE[f])}`),
      },
    ];
  if (topic === "mas")
    return [
      { type: "text", text: w.t("help.kennis.mas") },
      { type: "list", items: MAS_KNOWLEDGE.map((e) => line(w, e)) },
    ];
  if (topic === "school")
    return [
      { type: "list", title: w.t("help.kennis.school"), items: SCHOOL_KNOWLEDGE.map((e) => line(w, e)) },
    ];
  const commands = gated(w.commands, topic);
  return [
    { type: "text", text: line(w, FUNCTION_KNOWLEDGE[topic]) },
    { type: "text", text: w.t("help.kennis.mag", { commands: commands.join(", ") || w.t("protocol.geen") }) },
  ];
}

export function knowledgeReply(w: Words, topic: "rollen" | "mas" | "school" | Functie): Reply {
  const title =
    topic === "rollen" || topic === "mas" || topic === "school"
      ? w.t(`help.kennis.titel.${topic}`)
      : w.t("role.".concat(topic) as `role.${Functie}`);
  return { visibility: "private", title, blocks: knowledgeBlocks(w, topic) };
}
