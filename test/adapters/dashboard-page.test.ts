import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { dispatch } from "../../commands/dispatch.ts";
import { ANNA, CLIENT_ID, JOOST, message, TENANT, teamsTable } from "../support/teams.ts";

/**
 * The schools' dashboard as a web page (issue #28 item 3), in a real browser: Debian's Chromium (installed by
 * .ci/run, as PostgreSQL is) driven by playwright-core, checked with axe-core. Reached only through the signed,
 * expiring, one-time link Teams gives the member who asked.
 */
const CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
const HOST = "tafel.gemeente.test";
const root = join(import.meta.dirname, "../..");
const conversation = `teams:${TENANT}:19:triage@thread.tacv2`;

type T = Awaited<ReturnType<typeof teamsTable>>;
let t: T | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await t?.stop();
  t = undefined;
});

/** The link to the dashboard page: the table's, or (`region`) the region's over this table and a second one. */
async function dashboardLink(region = false): Promise<{ local: string; url: string }> {
  t = await teamsTable({ publicHost: HOST });
  await t.post(message(ANNA, "setup Triage Druten regio=midden"));
  await t.post(
    message(ANNA, "lid <at>Joost</at> zorgcoordinator", {
      entities: [
        { type: "mention", text: "<at>Tafel</at>", mentioned: { id: `28:${CLIENT_ID}`, name: "Tafel" } },
        { type: "mention", text: "<at>Joost</at>", mentioned: JOOST },
      ],
    }),
  );
  for (const line of [
    'school 12AB00 naam="Maaswaal College" type=vo gemeente=Druten',
    'school 12AB01 naam="Maaswaal College Wijchen" type=vo gemeente=Wijchen',
    'school 34CD00 naam="Basisschool De Linde" type=po gemeente=Druten',
    'school 56EF00 naam="ISK De Brug" type=isk gemeente=Druten',
  ])
    expect((await t.h.say(ANNA.id, line, conversation)).reply.error).toBeUndefined();
  for (const month of ["09", "10"])
    await dispatch(t.h.deps, {
      text: "cijfers",
      actor: { id: JOOST.id, handle: "joost" },
      conversation,
      correlationId: `cijfers-${month}`,
      file: {
        name: "c.csv",
        text: readFileSync(join(root, `examples/verzuimcijfers-2026-${month}.csv`), "utf8"),
      },
    });
  if (region) {
    // A second table of the region, in another channel, with a school of its own and its figures.
    const other = `teams:${TENANT}:19:nijmegen@thread.tacv2`;
    for (const [line, where] of [
      ["setup Triage Nijmegen regio=midden", other],
      ['regio nieuw "Maas en Waal"', conversation],
      ["regio uitnodigen teams-tenant-1-19-nijmegen-thread-tacv2", conversation],
      ["regio aansluiten maas-en-waal", other],
      ['school 78GH00 naam="ROC Rivierenland" type=mbo gemeente=Nijmegen', other],
      [
        "cijfers 78GH00 2026-10 leerlingen=900 lesuren=72000 verzuimuren=9000 ziekuren=4000 langdurig=9 zeer-langdurig=3",
        other,
      ],
    ] as const)
      expect((await t.h.say(ANNA.id, line, where)).reply.error, line).toBeUndefined();
  }
  const file = region ? "regio-dashboard.html" : "scholen-dashboard.html";
  const before = t.cloud.sent.length;
  await t.post(message(ANNA, region ? "dashboard regio" : "dashboard"));
  const card = JSON.stringify(t.cloud.sent.slice(before));
  const url = /https:\/\/tafel\.gemeente\.test\/bestand\/[\w-]+\.[\w-]+(?=")/.exec(
    card.slice(card.indexOf(file) - 400),
  )?.[0];
  const all = [...card.matchAll(/"url":"(https:\/\/tafel\.gemeente\.test\/bestand\/[^"]+)"/g)].map(
    (m) => m[1] as string,
  );
  const titles = [...card.matchAll(/"title":"Download ([^"]+)"/g)].map((m) => m[1] as string);
  const link = all[titles.indexOf(file)] ?? url ?? "";
  expect(link).toMatch(/^https:\/\/tafel\.gemeente\.test\/bestand\//);
  return { url: link, local: link.replace(`https://${HOST}`, t.url.replace("/api/messages", "")) };
}

describe.skipIf(!CHROMIUM)("the schools' dashboard in a browser", () => {
  it("renders every chart and its table, has no serious accessibility problem and no console error", async () => {
    const { local } = await dashboardLink();
    const browser = await chromium.launch({ executablePath: CHROMIUM as string, args: ["--no-sandbox"] });
    try {
      // axe is injected past the page's own policy, which allows no script at all.
      const context = await browser.newContext({ bypassCSP: true, viewport: { width: 390, height: 844 } });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error") errors.push(m.text());
      });
      page.on("pageerror", (e) => errors.push(e.message));
      const res = await page.goto(local);
      expect(res?.status()).toBe(200);
      expect(res?.headers()["content-security-policy"]).toContain("default-src 'none'");
      await expect(page.locator("h1").textContent()).resolves.toContain("Scholen en hun verzuim");
      // Two charts, each a drawn SVG with its series, and each with its figures in a table.
      const charts = page.locator("figure svg");
      expect(await charts.count()).toBe(2);
      const latest = await charts.nth(0).innerHTML();
      expect(latest).toContain("ziek");
      expect(latest).toContain("overig verzuim");
      expect((await charts.nth(0).locator("path").count()) > 3).toBe(true);
      const trend = await charts.nth(1).innerHTML();
      // The middle of all schools, and a line for each school that needs support first.
      for (const series of ["midden van alle scholen", "12AB00", "12AB01"]) expect(trend).toContain(series);
      expect(await page.locator("table").count()).toBe(2);
      expect(await page.locator("table").first().textContent()).toContain("16,1 %");
      // The small school: its mark, never its value.
      const row = await page.locator("tr", { hasText: "56EF00" }).first().textContent();
      expect(row).toContain("<10");
      expect(row).not.toMatch(/\d+,\d %/);
      await page.addScriptTag({
        content: readFileSync(join(root, "node_modules/axe-core/axe.min.js"), "utf8"),
      });
      const found = (await page.evaluate(
        `axe.run(document, { runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] })`,
      )) as { violations: Array<{ id: string; impact: string }> };
      const serious = found.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      expect(
        serious.map((v) => `${v.id}: ${JSON.stringify((v as { nodes?: unknown[] }).nodes?.slice(0, 2))}`),
      ).toEqual([]);
      expect(errors).toEqual([]);
      if (process.env.TAFEL_SCREENSHOT)
        await page.screenshot({ path: process.env.TAFEL_SCREENSHOT, fullPage: true });
    } finally {
      await browser.close();
    }
  }, 60_000);

  it("shows the region's schools of both tables, accessibly, through the same kind of link", async () => {
    const { local } = await dashboardLink(true);
    const browser = await chromium.launch({ executablePath: CHROMIUM as string, args: ["--no-sandbox"] });
    try {
      const context = await browser.newContext({ bypassCSP: true });
      const page = await context.newPage();
      expect((await page.goto(local))?.status()).toBe(200);
      await expect(page.locator("h1").textContent()).resolves.toContain("Maas en Waal");
      const table = await page.locator("table").first().textContent();
      for (const school of ["12AB00", "56EF00", "78GH00"]) expect(table).toContain(school);
      expect(await page.locator("figure svg").count()).toBe(2);
      await page.addScriptTag({
        content: readFileSync(join(root, "node_modules/axe-core/axe.min.js"), "utf8"),
      });
      const found = (await page.evaluate(
        `axe.run(document, { runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] })`,
      )) as { violations: Array<{ id: string; impact: string }> };
      expect(found.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);

  it("opens once, within ten minutes, and not at all when the link was changed", async () => {
    const first = await dashboardLink();
    const forged = first.local.replace(/.$/, (c) => (c === "A" ? "B" : "A"));
    const browser = await chromium.launch({ executablePath: CHROMIUM as string, args: ["--no-sandbox"] });
    try {
      const page = await browser.newPage();
      expect((await page.goto(forged))?.status()).toBe(404);
      const late = Date.now() + 11 * 60_000;
      vi.spyOn(Date, "now").mockReturnValue(late);
      expect((await page.goto(first.local))?.status()).toBe(404);
      vi.restoreAllMocks();
      expect((await page.goto(first.local))?.status()).toBe(200);
      expect((await page.goto(first.local))?.status()).toBe(410);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
