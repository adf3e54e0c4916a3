import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import type { Logger } from "../../src/ports.ts";

/**
 * Who may call `/api/messages`, checked on the token before the Teams SDK verifies its signature. The SDK accepts
 * two kinds of token: the Bot Framework connector's, and any Entra token for the bot's audience (meant for
 * agentic identities). The second would let another app in the tenant act as any member, so Tafel accepts what
 * the Bot Framework's allowed-callers rule accepts: the connector (its issuer, and a signing key it endorses for
 * Teams), or an Entra token from an app id on an explicit list (`TEAMS_ALLOWED_CALLERS`, empty by default).
 */
export const BOT_FRAMEWORK_ISSUER = "https://api.botframework.com";
const BOT_FRAMEWORK_KEYS = "https://login.botframework.com/v1/.well-known/keys";
/** Tafel serves Microsoft Teams only: the channel an activity and the connector's key must be for. */
export const TEAMS_CHANNEL = "msteams";
const ENTRA_ISSUER =
  /^https:\/\/(?:login\.microsoftonline\.(?:com|us)|sts\.windows\.net|login\.chinacloudapi\.cn)\//;
/** The keys are fetched at most this often; a key that rotated in is fetched at once. */
const KEYS_TTL_MS = 24 * 60 * 60 * 1000;

const Claims = z.object({
  iss: z.string().max(300).optional(),
  tid: z.string().max(100).optional(),
  azp: z.string().max(100).optional(),
  appid: z.string().max(100).optional(),
});
const Header = z.object({ kid: z.string().max(200).optional() });
const Keys = z.object({
  keys: z
    .array(z.object({ kid: z.string().optional(), endorsements: z.array(z.string()).optional() }))
    .max(200),
});

const part = (token: string, i: number): unknown => {
  try {
    return JSON.parse(Buffer.from(token.split(".")[i] ?? "", "base64url").toString("utf8"));
  } catch {
    return null;
  }
};

export function callerGuard(opts: { tenantId: string; allowedCallers: readonly string[]; logger: Logger }) {
  const allowed = new Set(opts.allowedCallers);
  let keys: { at: number; endorsed: Map<string, readonly string[]> } | null = null;

  async function endorsements(kid: string): Promise<readonly string[] | undefined> {
    if (!keys || Date.now() - keys.at > KEYS_TTL_MS || !keys.endorsed.has(kid)) {
      const res = await fetch(BOT_FRAMEWORK_KEYS);
      const list = Keys.safeParse(await res.json()).data?.keys ?? [];
      keys = {
        at: Date.now(),
        endorsed: new Map(list.flatMap((k) => (k.kid ? [[k.kid, k.endorsements ?? []] as const] : []))),
      };
    }
    return keys.endorsed.get(kid);
  }

  /** Why a token may not call, or null: the SDK then checks its signature, lifetime and audience. */
  async function refusal(authorization: string | undefined): Promise<string | null> {
    const token = authorization?.startsWith("Bearer ") ? authorization.slice(7) : "";
    const claims = Claims.safeParse(part(token, 1)).data;
    // No readable token: the SDK refuses it with its own 401.
    if (!claims?.iss) return null;
    if (claims.iss === BOT_FRAMEWORK_ISSUER) {
      const kid = Header.safeParse(part(token, 0)).data?.kid;
      const endorsed = kid ? await endorsements(kid) : undefined;
      // An unknown key is the SDK's to refuse; a known one must be endorsed for Teams.
      return endorsed && !endorsed.includes(TEAMS_CHANNEL) ? "teams-key-not-endorsed" : null;
    }
    if (ENTRA_ISSUER.test(claims.iss)) {
      const app = claims.azp ?? claims.appid;
      if (claims.tid !== opts.tenantId) return "teams-foreign-tenant";
      return app && allowed.has(app) ? null : "teams-caller-not-allowed";
    }
    return null;
  }

  /** Express-style middleware for `/api/messages`, ahead of the SDK's route. */
  return async (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    let why: string | null;
    try {
      why = await refusal(req.headers.authorization);
    } catch {
      why = "teams-keys-unavailable";
    }
    if (why === null) return next();
    opts.logger.error(why, {});
    res.statusCode = 401;
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ error: "unauthorized" }));
  };
}
