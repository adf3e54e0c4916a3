/**
 * Generates the platform manifests from the command registry, and the reference's rules table from the rule
 * catalogue: `npm run manifest`. A test fails when the committed files differ from what this produces, so the
 * manifests cannot drift from the commands nor the reference from the rules.
 */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { stringify } from "yaml";
import { COMMANDS } from "../commands/registry.ts";
import { colorIcon, outlineIcon } from "./icons.ts";
import { publicHolidaysJson } from "./public-holidays.ts";
import { withRulesTable } from "./readme-rules.ts";
import { teamsManifestJson } from "./teams.ts";

export const SLACK_HOST = "https://tafel.example.org";
export const SLACK_EVENTS = `${SLACK_HOST}/slack/events`;

/** Least privilege: each scope is there for one feature (see docs/operator.md, "Slack"). */
export const SLACK_SCOPES = [
  "commands", // /tafel
  "chat:write", // replies, table posts, reminders as direct messages
  "im:write", // opening the DM an export file goes to
  "files:write", // the export as a file
  "files:read", // a CSV of absence figures sent through a form's file field (file_input)
  "reactions:read", // 📌 records a decision
  "channels:history", // reading the pinned message (public channels)
  "groups:history", // … and in private channels
];

/** As many command names as fit Slack's 100 characters, then `help` for the rest. */
function usageHint(names: string[]): string {
  let hint = "";
  for (const n of names) if (`${hint}${n} | help`.length <= 96) hint += `${n} | `;
  return `${hint}help`;
}

export function slackManifest() {
  const names = COMMANDS.map((c) => c.name).filter((n) => n !== "help");
  return {
    _metadata: { major_version: 1 },
    display_information: {
      name: "Tafel",
      description: "Casustafel schoolverzuim: signalen, meldgrens, regie, afspraken en besluiten",
      long_description:
        "Tafel ondersteunt multidisciplinaire casustafels rond schoolverzuim (MDO, triage, doorbraaktafel): geanonimiseerde signalen, de wettelijke meldgrens en MD-MTSS-laag met uitleg, regie, besluiten, afspraken met herinneringen, agenda en notulen. Leerlingen staan alleen als sleutel in Tafel, nooit met naam of nummer.",
    },
    features: {
      app_home: { home_tab_enabled: true, messages_tab_enabled: true, messages_tab_read_only_enabled: true },
      bot_user: { display_name: "Tafel", always_online: true },
      slash_commands: [
        {
          command: "/tafel",
          url: SLACK_EVENTS,
          description: "Casustafel: signalen, regie, afspraken, besluiten (typ /tafel help)",
          usage_hint: usageHint(names),
          should_escape: true,
        },
      ],
      shortcuts: [
        {
          name: "Vastleggen als besluit",
          type: "message",
          callback_id: "besluit_vastleggen",
          description: "Leg dit bericht vast als besluit van een casus",
        },
      ],
    },
    oauth_config: { scopes: { bot: SLACK_SCOPES } },
    settings: {
      event_subscriptions: { request_url: SLACK_EVENTS, bot_events: ["app_home_opened", "reaction_added"] },
      interactivity: { is_enabled: true, request_url: SLACK_EVENTS },
      org_deploy_enabled: false,
      socket_mode_enabled: false,
      token_rotation_enabled: false,
    },
  };
}

export const slackManifestYaml = () =>
  `# Generated from commands/registry.ts by \`npm run manifest\`; do not edit. Replace ${SLACK_HOST} with your host.\n${stringify(slackManifest(), { lineWidth: 0 })}`;

if (import.meta.main) {
  const readme = join(import.meta.dirname, "..", "docs", "reference.md");
  await writeFile(readme, withRulesTable(await readFile(readme, "utf8")));
  await writeFile(join(import.meta.dirname, "slack", "manifest.yml"), slackManifestYaml());
  await writeFile(join(import.meta.dirname, "teams", "manifest.json"), teamsManifestJson());
  await writeFile(join(import.meta.dirname, "teams", "color.png"), colorIcon());
  await writeFile(join(import.meta.dirname, "teams", "outline.png"), outlineIcon());
  await writeFile(
    join(import.meta.dirname, "..", "src", "core", "calendar", "public-holidays.json"),
    publicHolidaysJson(),
  );
}
