import { WebClient } from "@slack/web-api";
import { slackNotifier } from "../../adapters/slack/notifier.ts";
import { findCommand } from "../../commands/list/help.ts";
import { COMMANDS } from "../../commands/registry.ts";
import { tokenize } from "../../commands/tokenize.ts";
import { readPupilRef } from "../../src/core/pupil.ts";
import { calendarCache } from "../../src/infra/calendars.ts";
import type { SettableClock } from "../../src/infra/clock.ts";
import { makeScheduler, type Scheduler } from "../../src/scheduler/scheduler.ts";
import { quietLogger } from "./harness.ts";
import type { ScriptStep } from "./script.ts";
import { buttonBody, slackTable, slashBody } from "./slack.ts";
import { CLIENT_ID, message, TENANT, teamsTable } from "./teams.ts";

/**
 * A console script played by people on Slack or Teams, as they would: a line that a button in front of them
 * runs (in their DMs or the channel) is clicked, every other line is typed, and a pupil number goes in the form
 * where the platform asks for it. The clock moves the scheduler, which sends through the platform's notifier.
 */
export const PEOPLE = ["anna", "joost", "piet", "fatima", "wim"] as const;
const cap = (name: string) => name[0]?.toUpperCase() + name.slice(1);
const known = (name: string) => (PEOPLE as readonly string[]).includes(name);

/** Time passes as if the bot ran: the scheduler does what fell due in between, through the platform. */
async function timePasses(clock: SettableClock, scheduler: Scheduler, to: Date) {
  const from = clock.now();
  clock.set(to);
  await scheduler.runUntil(from, to);
}

type Played = { actor: string; line: string; clicked: boolean; answer: unknown };

/** Buttons as the platforms carry them: a value with the line it runs. */
function runs(value: unknown): string | undefined {
  try {
    const parsed = typeof value === "string" ? JSON.parse(value) : value;
    return typeof parsed?.run === "string" ? parsed.run : undefined;
  } catch {
    return undefined;
  }
}

export async function slackWeek(script: readonly ScriptStep[], channel = "C2") {
  const s = await slackTable();
  const client = new WebClient("xoxb-test", { retryConfig: { retries: 0 } });
  const scheduler = makeScheduler({
    store: s.h.store,
    calendars: calendarCache(),
    notifier: slackNotifier(client, s.h.store),
    logger: quietLogger,
    clock: s.h.clock,
  });
  const ids = new Map<string, string>(PEOPLE.map((p, i) => [p, `U${i + 1}`]));
  const played: Played[] = [];
  const typed = (line: string) =>
    line.replace(/@([a-z]+)/g, (m, name: string) => (known(name) ? `<@${ids.get(name)}|${name}>` : m));
  /** The last button in front of this person that runs the line: in their DMs or the table's channel. */
  const button = (user: string, line: string) =>
    s.api
      .of("chat.postMessage")
      .filter((c) => c.body.channel === user || c.body.channel === channel)
      .flatMap((c) =>
        ((c.body.blocks as Array<{ elements?: Array<{ value?: string }> }>) ?? []).flatMap((b) =>
          (b.elements ?? []).map((e) => ({ in: c.body.channel as string, value: e.value })),
        ),
      )
      .filter((b) => runs(b.value) === line)
      .at(-1);
  let clicks = 0;
  for (const step of script) {
    if (step.kind === "clock") {
      await timePasses(s.h.clock, scheduler, step.at);
      continue;
    }
    const user = ids.get(step.actor) as string;
    const found = button(user, step.line);
    const res = found
      ? await s.send(
          buttonBody({ id: user, username: step.actor }, "", `${++clicks}.5`, {
            channel: found.in === user ? `D${user}` : found.in,
            value: found.value as string,
          }),
        )
      : await s.send(slashBody(user, typed(step.line), channel, step.actor));
    await s.settle();
    played.push({ actor: step.actor, line: step.line, clicked: Boolean(found), answer: res.json });
  }
  return { s, ids, played, table: `slack-t1-${channel.toLowerCase()}` };
}

/** A command line as the answers of its form (Teams dialog): the command's own parameters name the fields. */
function formData(line: string): Record<string, string> {
  const [name, ...tokens] = tokenize(line);
  const command = findCommand(COMMANDS, name?.text ?? "");
  if (!command) throw new Error(`no command: ${line}`);
  const params = Object.entries(command.params);
  const positional = params.filter(([, p]) => !p.keys);
  const data: Record<string, string> = { tafelForm: command.name };
  for (const token of tokens) {
    const option = token.quoted ? null : /^([a-z-]+)=(.*)$/.exec(token.text);
    const keyed = option && params.find(([, p]) => p.keys?.includes(option[1] as string));
    const [field, value] = keyed ? [keyed[0], option[2] as string] : [positional.shift()?.[0], token.text];
    if (!field) throw new Error(`no field for ${token.text} in ${line}`);
    const [from, to] = value.split("..");
    data[field] = from as string;
    if (to) data[`${field}__to`] = to;
  }
  return data;
}

export async function teamsWeek(script: readonly ScriptStep[]) {
  const t = await teamsTable();
  const scheduler = makeScheduler({
    store: t.h.store,
    calendars: calendarCache(),
    notifier: t.teams.notifier,
    logger: quietLogger,
    clock: t.h.clock,
  });
  const person = (name: string) => ({ id: `29:${name}`, name: cap(name) });
  const played: Played[] = [];
  /** Each person's own chat with the bot, as the fake cloud created it. */
  const chatOf = (name: string) =>
    t.cloud.created.flatMap((c, i) =>
      (c.members as Array<{ id: string }>)[0]?.id === `29:${name}` ? [`a:chat-${i + 1}`] : [],
    );
  const button = (name: string, line: string) => {
    const mine = new Set(chatOf(name));
    return t.cloud.sent
      .filter((x) => mine.has(x.conversation) || x.conversation.startsWith("19:triage"))
      .flatMap((x) =>
        ((x.body.attachments as Array<{ content?: { actions?: Array<{ data?: unknown }> } }>) ?? []).flatMap(
          (a) => (a.content?.actions ?? []).map((act) => ({ in: x.conversation, data: act.data })),
        ),
      )
      .filter((b) => runs(b.data) === line)
      .at(-1);
  };
  for (const step of script) {
    if (step.kind === "clock") {
      await timePasses(t.h.clock, scheduler, step.at);
      continue;
    }
    const who = person(step.actor);
    const found = button(step.actor, step.line);
    const pupil = readPupilRef(tokenize(step.line)[1]?.text ?? "")?.kind === "number";
    const activity = found
      ? {
          ...message(who, "", {
            conversation: found.in.startsWith("a:")
              ? { id: found.in, conversationType: "personal", tenantId: TENANT }
              : message(who, "").conversation,
          }),
          type: "invoke",
          name: "adaptiveCard/action",
          value: { action: { type: "Action.Execute", verb: "tafel", data: found.data } },
        }
      : pupil
        ? { ...message(who, ""), type: "invoke", name: "task/submit", value: { data: formData(step.line) } }
        : mentioned(who, step.line, person);
    const res = await t.post(activity);
    played.push({ actor: step.actor, line: step.line, clicked: Boolean(found), answer: res.json });
  }
  return { t, played, chatOf, table: "teams-tenant-1-19-triage-thread-tacv2" };
}

/** `@joost` in a typed line as Teams sends it: `<at>Joost</at>` with a mention entity. */
function mentioned(
  who: { id: string; name: string },
  line: string,
  person: (name: string) => { id: string; name: string },
) {
  const entities = [
    { type: "mention", text: "<at>Tafel</at>", mentioned: { id: `28:${CLIENT_ID}`, name: "Tafel" } },
  ];
  const text = line.replace(/@([a-z]+)/g, (m, name: string) => {
    if (!known(name)) return m;
    const p = person(name);
    entities.push({ type: "mention", text: `<at>${p.name}</at>`, mentioned: p });
    return `<at>${p.name}</at>`;
  });
  return message(who, text, { entities });
}
