import { afterEach, describe, expect, it } from "vitest";
import { ok } from "../../src/core/result.ts";
import { audit } from "../../src/core/table.ts";
import { ANNA, message, teamsTable } from "../support/teams.ts";

type T = Awaited<ReturnType<typeof teamsTable>>;
const HOST = "tafel.gemeente.test";

// A fresh connection per request: a kept-alive socket of the Teams endpoint broke the next one (EPIPE).
const get = (url: string) => fetch(url, { headers: { connection: "close" } });

/** Files in Teams (issue #16 item 4): export, audit export and the report as one-time links, never cut silently. */
describe("Teams: files as download links", () => {
  let t: T | undefined;
  afterEach(async () => {
    await t?.stop();
    t = undefined;
  });

  /** The card Anna got last, and the download links on it, pointed at the running endpoint. */
  const lastCard = (x: T) => {
    const body = x.cloud.sent.at(-1)?.body as {
      attachments?: Array<{
        content: { body: unknown[]; actions: Array<{ type: string; url?: string; title: string }> };
      }>;
    };
    const card = body.attachments?.[0]?.content;
    const local = x.url.replace("/api/messages", "");
    const links = (card?.actions ?? [])
      .filter((a) => a.type === "Action.OpenUrl")
      .map((a) => ({
        title: a.title,
        url: a.url ?? "",
        local: (a.url ?? "").replace(`https://${HOST}`, local),
      }));
    return { text: JSON.stringify(card?.body), links };
  };

  it("gives the export as a link that opens once, within ten minutes, for the chair who asked", async () => {
    t = await teamsTable({ publicHost: HOST });
    await t.post(message(ANNA, "setup Triage Druten regio=midden"));
    await t.post(message(ANNA, "export"));
    const { text, links } = lastCard(t);
    expect(text).toContain("tafel-export.json");
    expect(text).not.toContain('"schemaVersion"');
    expect(links.map((l) => l.title)).toEqual(["Download tafel-export.json"]);
    expect(links[0]?.url).toMatch(new RegExp(`^https://${HOST}/bestand/[\\w-]+\\.[\\w-]+$`));
    const first = await get(links[0]?.local ?? "");
    expect(first.status).toBe(200);
    expect(first.headers.get("content-disposition")).toBe('attachment; filename="tafel-export.json"');
    expect(first.headers.get("cache-control")).toBe("no-store");
    expect(((await first.json()) as { schemaVersion: number }).schemaVersion).toBe(6);
    // Once: a forwarded or replayed link gives nothing.
    expect((await get(links[0]?.local ?? "")).status).toBe(410);
    // A token changed by one character is not Tafel's.
    const forged = (links[0]?.local ?? "").replace(/.$/, (c) => (c === "A" ? "B" : "A"));
    expect((await get(forged)).status).toBe(404);
    // The download ran the command again as Anna: audited like the export itself.
    const reads = await t.h.store.reads("teams-tenant-1-19-triage-thread-tacv2", {});
    expect(reads.filter((e) => e.event === "tafel.geexporteerd")).toHaveLength(2);
  });

  it("shows no cut CSV above the audit export's card: the text names the files, and any text is cut at a line", async () => {
    t = await teamsTable({ publicHost: HOST });
    await t.post(message(ANNA, "setup Triage Druten regio=midden"));
    // A trail longer than Teams' 4,000 characters of text.
    await t.h.store.transact("teams-tenant-1-19-triage-thread-tacv2", (doc) => {
      for (let i = 0; i < 80; i++)
        audit(
          doc,
          `2026-11-23T09:${String(i % 60).padStart(2, "0")}:00.000Z`,
          "29:anna",
          "casus.bekeken",
          "C-1",
        );
      return ok(null);
    });
    await t.post(message(ANNA, "audit export"));
    const body = t.cloud.sent.at(-1)?.body as { text: string };
    expect(body.text).toContain("tafel-audit.csv");
    expect(body.text).not.toContain(";");
    const csv = await (
      await get(lastCard(t).links.find((l) => l.title.endsWith(".csv"))?.local ?? "")
    ).text();
    expect(csv.length).toBeGreaterThan(4000);
    // A long text of its own (a post) is cut after its last whole line, and says so.
    const { cutAtLine } = await import("../../adapters/teams/render.ts");
    const cut = cutAtLine(csv);
    expect(cut.length).toBeLessThanOrEqual(4000);
    expect(cut.endsWith("\n…")).toBe(true);
    for (const line of cut.slice(0, -2).split("\n")) expect(csv.split("\n")).toContain(line);
  });

  it("gives the report's CSV and chart as links too", async () => {
    t = await teamsTable({ publicHost: HOST });
    await t.post(message(ANNA, "setup Triage Druten regio=midden"));
    await t.post(message(ANNA, "rapport 2026-2027"));
    const { links } = lastCard(t);
    expect(links.map((l) => l.title).sort()).toEqual([
      "Download rapport-2026-2027.csv",
      "Download rapport-2026-2027.png",
    ]);
    const png = await get(links.find((l) => l.title.endsWith(".png"))?.local ?? "");
    expect(png.headers.get("content-type")).toBe("image/png");
    expect(
      Buffer.from(await png.arrayBuffer())
        .subarray(1, 4)
        .toString(),
    ).toBe("PNG");
  });

  it("says in the card that it cannot give the file where no public host is set, instead of cutting it", async () => {
    t = await teamsTable();
    await t.post(message(ANNA, "setup Triage Druten regio=midden"));
    await t.post(message(ANNA, "export"));
    const { text, links } = lastCard(t);
    expect(links).toEqual([]);
    expect(text).toContain("kan in Teams geen bestanden geven");
    expect(text).not.toContain('"schemaVersion"');
  });
});
