import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { firstDelivery } from "../../commands/delivery.ts";
import type { Block, Invocation, Outcome } from "../../commands/types.ts";
import type { Logger, Store } from "../../src/ports.ts";
import { correlationId } from "../correlation.ts";

/** How long a download link holds: long enough to click, short enough that a forwarded link is dead. */
export const LINK_MINUTES = 10;

/** What a link lets its holder fetch once: one file of one command, run again as the member who asked. */
const Claim = z.object({
  table: z.string().max(600),
  actor: z.object({ id: z.string().max(200), handle: z.string().max(60) }),
  line: z.string().max(2_000),
  file: z.string().max(80),
  until: z.number().int(),
  nonce: z.string().max(60),
});
type Claim = z.infer<typeof Claim>;

/** The blocks Teams cannot show in a card: named files (export, CSV, audit) and pictures. */
export const fileBlocks = (blocks: readonly Block[]) =>
  blocks.filter(
    (b): b is Extract<Block, { type: "code" | "image" | "stream" }> =>
      (b.type === "code" && b.file !== undefined) || b.type === "image" || b.type === "stream",
  );

/** The line that makes a file alone when its link is opened (the dashboard's page), if it has one of its own. */
export const fileLine = (b: Block): string | undefined => (b.type === "stream" ? b.line : undefined);

/**
 * Export, audit export and the report's CSV and chart in Teams: a card cannot hold them (about 28 KB), so the
 * card links to `https://<TEAMS_PUBLIC_HOST>/bestand/<token>`. The token is signed with a key derived from the
 * bot's client secret (the same on every instance), names the command line, the member and the file, holds for
 * ten minutes and opens once. The download runs the command again as that member, so a chair who was removed
 * meanwhile gets nothing, and the access is audited as the command audits it.
 */
export function downloads(opts: {
  secret: string;
  host: string | undefined;
  store: Store;
  logger: Logger;
  run: (inv: Invocation) => Promise<Outcome>;
}) {
  const key = createHmac("sha256", opts.secret).update("tafel-bestand").digest();
  const sign = (body: string) => createHmac("sha256", key).update(body).digest("base64url");

  function link(claim: Omit<Claim, "until" | "nonce">): string | null {
    if (!opts.host) return null;
    const full: Claim = { ...claim, until: Date.now() + LINK_MINUTES * 60_000, nonce: randomUUID() };
    const body = Buffer.from(JSON.stringify(full)).toString("base64url");
    return `https://${opts.host}/bestand/${body}.${sign(body)}`;
  }

  function read(token: string): Claim | null {
    const [body, mac] = token.split(".");
    if (!body || !mac) return null;
    const expected = Buffer.from(sign(body));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    const claim = Claim.safeParse(JSON.parse(Buffer.from(body, "base64url").toString("utf8")));
    return claim.success && claim.data.until > Date.now() ? claim.data : null;
  }

  const refuse = (res: ServerResponse, status: number, text: string) => {
    res.writeHead(status, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
    res.end(text);
  };

  async function handler(req: IncomingMessage, res: ServerResponse) {
    const token = new URL(req.url ?? "/", "http://x").pathname.split("/")[2] ?? "";
    let claim: Claim | null = null;
    try {
      claim = token.length < 4000 ? read(token) : null;
    } catch {
      claim = null;
    }
    if (!claim)
      return refuse(res, 404, "Deze link is verlopen of ongeldig. Vraag het bestand opnieuw aan in Teams.");
    if (!(await firstDelivery(opts.store, opts.logger, `bestand:${claim.nonce}`)))
      return refuse(res, 410, "Deze link is al gebruikt. Vraag het bestand opnieuw aan in Teams.");
    const outcome = await opts.run({
      text: claim.line,
      actor: claim.actor,
      conversation: claim.table,
      correlationId: correlationId(),
    });
    const block = fileBlocks(outcome.reply.blocks).find((b) => b.file === claim.file);
    if (outcome.reply.error || !block) return refuse(res, 403, "Dit bestand is niet (meer) voor jou.");
    const png = block.type === "image";
    // A page (the schools' dashboard) opens in the browser, with nothing on it that runs or loads from elsewhere.
    const page = claim.file.endsWith(".html");
    res.writeHead(200, {
      "content-type": png
        ? "image/png"
        : page
          ? "text/html; charset=utf-8"
          : claim.file.endsWith(".json")
            ? "application/json; charset=utf-8"
            : "text/csv; charset=utf-8",
      "content-disposition": `${page ? "inline" : "attachment"}; filename="${claim.file.replace(/[^\w.-]/g, "_")}"`,
      ...(page
        ? {
            "content-security-policy":
              "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
          }
        : {}),
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
      "referrer-policy": "no-referrer",
    });
    if (block.type !== "stream") return void res.end(png ? Buffer.from(block.png, "base64") : block.text);
    // The export goes out as it is made. The making holds the table's changes, so it never waits for the
    // connection: what a slow download has not taken yet waits in the connection's buffer instead. A download
    // broken off stops the making.
    const gone = new Error("download closed");
    try {
      await block.write(async (piece) => {
        if (res.destroyed) throw gone;
        res.write(piece);
      });
    } catch (e) {
      if (e !== gone) throw e;
    }
    res.end();
  }

  return { link, route: { path: "/bestand/:token", method: "GET", handler } };
}
