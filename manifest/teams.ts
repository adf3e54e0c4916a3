import { COMMANDS } from "../commands/registry.ts";

export const TEAMS_APP_ID_PLACEHOLDER = "00000000-0000-0000-0000-000000000000";

/** The Teams app manifest: the bot, and the command menu from the registry (Teams shows at most 10 per list). */
export function teamsManifest(appId = TEAMS_APP_ID_PLACEHOLDER, host = "tafel.example.org") {
  const commands = COMMANDS.filter((c) => c.name !== "setup").slice(0, 10);
  return {
    $schema: "https://developer.microsoft.com/json-schemas/teams/v1.25/MicrosoftTeams.schema.json",
    manifestVersion: "1.25",
    version: "0.1.0",
    id: appId,
    developer: {
      name: "Tafel",
      websiteUrl: `https://${host}`,
      privacyUrl: `https://${host}/privacy`,
      termsOfUseUrl: `https://${host}/voorwaarden`,
    },
    name: { short: "Tafel", full: "Tafel: casustafel schoolverzuim" },
    description: {
      short: "Signalen, meldgrens, regie en afspraken",
      full: "Geanonimiseerde signalen over schoolverzuim, de wettelijke meldgrens en MD-MTSS-laag met uitleg, regie, besluiten en afspraken met herinneringen, voor MDO, triage en doorbraaktafel.",
    },
    icons: { color: "color.png", outline: "outline.png" },
    accentColor: "#1F5E8C",
    bots: [
      {
        botId: appId,
        scopes: ["personal", "team", "groupChat"],
        // A school sends its figures as a CSV file in its own chat with Tafel (adapters/teams/uploads.ts).
        supportsFiles: true,
        isNotificationOnly: false,
        commandLists: [
          {
            scopes: ["team", "groupChat", "personal"],
            commands: commands.map((c) => ({ title: c.name, description: c.summary.nl.slice(0, 128) })),
          },
        ],
      },
    ],
    composeExtensions: [
      {
        botId: appId,
        commands: [
          {
            id: "besluitVastleggen",
            type: "action",
            title: "Vastleggen als besluit",
            description: "Leg dit bericht vast als besluit van een casus",
            context: ["message"],
            fetchTask: false,
            parameters: [
              { name: "id", title: "Casus", description: "De casus, bijvoorbeeld C-12", inputType: "text" },
            ],
          },
        ],
      },
    ],
    permissions: ["identity", "messageTeamMembers"],
    validDomains: [host],
  };
}

export const teamsManifestJson = () => `${JSON.stringify(teamsManifest(), null, 2)}\n`;
