import { z } from "zod";
import { Language } from "./core/model.ts";

/** Microsoft's Teams service URL hosts: the public cloud, GCC, GCC High and DoD. */
export const TEAMS_CLOUD_HOSTS = [
  "smba.trafficmanager.net",
  "smba.infra.gcc.teams.microsoft.com",
  "smba.infra.gov.teams.microsoft.us",
  "smba.infra.dod.teams.microsoft.us",
];

/** The only reader of process.env. */
const Env = z.object({
  TAFEL_DATA_DIR: z.string().min(1).default("./data"),
  /** The pupil pseudonym key, 64 hex characters; without it one is generated into the data directory. */
  TAFEL_PUPIL_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, "TAFEL_PUPIL_KEY must be 64 hex characters (256 bits)")
    .optional(),
  TAFEL_LANGUAGE: Language.default("nl"),
  /**
   * PostgreSQL instead of the embedded store, for several instances on one database (`postgres://…`). The
   * database schema is brought up to date when Tafel starts.
   */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// or postgresql:// URL")
    .optional(),
  TAFEL_LOG_LEVEL: z.enum(["info", "error", "silent"]).default("info"),
  /**
   * On PostgreSQL, the memory an instance gives to the tables it holds (MB of their stored rows), least recently
   * used going first past it (issue #32). The embedded store holds its own tables and ignores it.
   */
  TAFEL_CACHE_MB: z.coerce.number().int().min(16).max(65_536).default(64),
  /** Slack: the app's signing secret and bot token; with both set, `npm start` runs the Slack adapter. */
  SLACK_SIGNING_SECRET: z.string().min(1).optional(),
  SLACK_BOT_TOKEN: z.string().startsWith("xoxb-").optional(),
  /** Slack Socket Mode (development, or behind a firewall): the app-level token `xapp-…`. */
  SLACK_APP_TOKEN: z.string().startsWith("xapp-").optional(),
  /** The HTTP port of the Slack receiver. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Microsoft Teams: the single-tenant bot's app registration; with all three set, `npm start` runs Teams. */
  TEAMS_CLIENT_ID: z.string().min(1).optional(),
  TEAMS_CLIENT_SECRET: z.string().min(1).optional(),
  TEAMS_TENANT_ID: z.string().min(1).optional(),
  /**
   * The host Teams users reach Tafel on (`tafel.gemeente.nl`, as for `teams:package`): export, audit export and
   * the report's files are then given as short-lived download links from it. Without it a card says it cannot.
   */
  TEAMS_PUBLIC_HOST: z
    .string()
    .regex(
      /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i,
      "TEAMS_PUBLIC_HOST is a host name, without https:// or a path",
    )
    .optional(),
  /** The HTTP port of the Teams endpoint `/api/messages`. */
  TEAMS_PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  /**
   * The hosts Teams' service URLs may have: Tafel posts there with its connector token, so no other host is
   * used or stored. Microsoft's public cloud and the government clouds by default; set it for a sovereign cloud.
   */
  TEAMS_SERVICE_URL_HOSTS: z
    .string()
    .default(TEAMS_CLOUD_HOSTS.join(","))
    .transform((v) =>
      v
        .split(",")
        .map((h) => h.trim().toLowerCase())
        .filter(Boolean),
    ),
  /**
   * App ids whose Entra tokens may call `/api/messages` besides the Bot Framework connector (comma-separated; none
   * by default), as the Bot Framework's allowed-callers rule: another app in the tenant may not act as a member.
   */
  TEAMS_ALLOWED_CALLERS: z
    .string()
    .default("")
    .transform((v) =>
      v
        .split(",")
        .map((id) => id.trim())
        .filter(Boolean),
    ),
  /** Read only to refuse it: the Teams SDK would otherwise serve unauthenticated requests when it is set. */
  DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS: z.string().optional(),
});

export type Config = z.infer<typeof Env>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) throw new Error(`Ongeldige configuratie: ${z.prettifyError(parsed.error)}`);
  if (parsed.data.DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS !== undefined)
    throw new Error(
      "DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS is set: Tafel never serves unauthenticated requests. Remove it.",
    );
  return parsed.data;
}

/**
 * The database, when one is configured. Every instance must then derive the same pupil keys, so the key has to
 * come from the configuration rather than from a data directory of one instance.
 */
export function databaseUrl(config: Config): string | null {
  if (!config.DATABASE_URL) return null;
  if (!config.TAFEL_PUPIL_KEY)
    throw new Error("DATABASE_URL needs TAFEL_PUPIL_KEY: every instance must use the same pupil key");
  return config.DATABASE_URL;
}

export interface SlackConfig {
  signingSecret: string;
  botToken: string;
  appToken: string | undefined;
  port: number;
}

/**
 * Slack runs when its bot token is set; then a signing secret is required, and an empty one refuses to start
 * (requests would otherwise go unverified).
 */
export function slackConfig(config: Config): SlackConfig | null {
  if (!config.SLACK_BOT_TOKEN && !config.SLACK_SIGNING_SECRET) return null;
  if (!config.SLACK_BOT_TOKEN) throw new Error("SLACK_SIGNING_SECRET is set but SLACK_BOT_TOKEN is missing");
  if (!config.SLACK_SIGNING_SECRET?.trim())
    throw new Error("SLACK_SIGNING_SECRET is required to verify Slack's requests");
  return {
    signingSecret: config.SLACK_SIGNING_SECRET,
    botToken: config.SLACK_BOT_TOKEN,
    appToken: config.SLACK_APP_TOKEN,
    port: config.PORT,
  };
}

export interface TeamsConfig {
  clientId: string;
  clientSecret: string;
  tenantId: string;
  port: number;
  /** Hosts a service URL may have (`TEAMS_SERVICE_URL_HOSTS`); default: Microsoft's clouds. */
  serviceUrlHosts?: readonly string[];
  /** Where download links point (`TEAMS_PUBLIC_HOST`); none: files are not given in Teams. */
  publicHost?: string | undefined;
  /** App ids whose Entra tokens may call besides the connector (`TEAMS_ALLOWED_CALLERS`); default none. */
  allowedCallers?: readonly string[];
}

/** Teams runs when its app registration is configured; a partial one refuses to start. */
export function teamsConfig(config: Config): TeamsConfig | null {
  const { TEAMS_CLIENT_ID: clientId, TEAMS_CLIENT_SECRET: clientSecret, TEAMS_TENANT_ID: tenantId } = config;
  if (!clientId && !clientSecret && !tenantId) return null;
  if (!clientId || !clientSecret || !tenantId)
    throw new Error("Teams needs TEAMS_CLIENT_ID, TEAMS_CLIENT_SECRET and TEAMS_TENANT_ID together");
  return {
    clientId,
    clientSecret,
    tenantId,
    port: config.TEAMS_PORT,
    serviceUrlHosts: config.TEAMS_SERVICE_URL_HOSTS,
    publicHost: config.TEAMS_PUBLIC_HOST,
    allowedCallers: config.TEAMS_ALLOWED_CALLERS,
  };
}
