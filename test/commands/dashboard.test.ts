import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { dispatch } from "../../commands/dispatch.ts";
import { tableWithMembers, text } from "../support/harness.ts";

/** Which schools need support first, and why (issue #28 items 3 and 7): from aggregated figures only. */
const root = join(import.meta.dirname, "../..");
const example = (name: string) => readFileSync(join(root, "examples", name), "utf8");

async function region() {
  const h = await tableWithMembers({ at: "2026-11-09T09:00:00Z" });
  await h.say("anna", "lid @fatima leerplichtambtenaar gemeente=Wijchen");
  for (const line of [
    'school 12AB00 naam="Maaswaal College" type=vo gemeente=Druten leerplicht=@piet',
    'school 12AB01 naam="Maaswaal College Wijchen" type=vo gemeente=Wijchen leerplicht=@fatima',
    'school 34CD00 naam="Basisschool De Linde" type=po gemeente=Druten leerplicht=@piet',
    'school 56EF00 naam="ISK De Brug" type=isk gemeente=Druten leerplicht=@piet',
    'school 90JK00 naam="Basisschool De Regenboog" type=po gemeente=Wijchen leerplicht=@fatima',
  ])
    expect((await h.say("anna", line)).reply.error).toBeUndefined();
  const deliver = (name: string) =>
    dispatch(h.deps, {
      text: "cijfers",
      actor: { id: "joost", handle: "joost" },
      conversation: "console",
      correlationId: `f-${name}`,
      file: { name, text: example(name) },
    });
  return { h, deliver };
}

describe("the schools' dashboard", () => {
  it("names the schools that need support first, with the reason, and hides small groups", async () => {
    const { h, deliver } = await region();
    await deliver("verzuimcijfers-2026-09.csv");
    await deliver("verzuimcijfers-2026-10.csv");
    // A case at the table, of a school: the tier picture comes from the cases, labelled so.
    await h.say("joost", "signaal 2345678 ongeoorloofd 4 9-11 school=12AB01");
    const out = await h.say("piet", "dashboard");
    expect(text(out)).toContain(
      "12AB01: laag 1 <10 · laag 2 0 · laag 3 0 leerlingen (uit de casussen aan tafel)",
    );
    expect(out.reply.error).toBeUndefined();
    const first = out.reply.blocks[0];
    const items = first?.type === "list" ? first.items : [];
    expect(items[0]).toMatch(
      /^12AB01 Maaswaal College Wijchen \(vo\): okt 2026: verzuim 16,1 %.* — stijgend van 12,1 naar 16,1 %/,
    );
    expect(items.join("\n")).toContain(
      "90JK00 Basisschool De Regenboog (po): nog geen cijfers — registratie? cijfers van sep 2026 ontbreken",
    );
    // Counts of pupils under the minimum never appear: the long-absent rise is said as <10.
    expect(items.join("\n")).toContain("langdurig verzuim omhoog van <10 naar <10 leerlingen");
    expect(JSON.stringify(out.reply)).not.toMatch(/56EF00[^"]*verzuim \d/);
    // A chart (PNG of at least 1600 px and its SVG) and its table as CSV, with the hidden school unvalued.
    const image = out.reply.blocks.find((b) => b.type === "image");
    expect(
      image?.type === "image" && Buffer.from(image.png, "base64").readUInt32BE(16),
    ).toBeGreaterThanOrEqual(1600);
    expect(image?.type === "image" && image.svg).toContain("<svg");
    const table = out.reply.blocks.find((b) => b.type === "code");
    expect(table?.type === "code" && table.text).toContain("56EF00;ISK De Brug;isk;sep 2026;<10");
  });

  it("tells a school's leerplicht contact of a registration gap when figures come in", async () => {
    const { deliver } = await region();
    const out = await deliver("verzuimcijfers-2026-09.csv");
    const told = out.posts.map((p) => [p.to.kind === "member" ? p.to.handle : "tafel", p.text]);
    expect(told).toContainEqual([
      "fatima",
      "Registratie bij 90JK00 Basisschool De Regenboog: registratie? cijfers van sep 2026 ontbreken. Kijk met de school naar de registratie en de opvolging (FR-25).",
    ]);
    expect(told.filter(([to]) => to === "piet")).toEqual([]);
  });

  it("says there is nothing to show before figures come in", async () => {
    const { h } = await region();
    expect(text(await h.say("joost", "dashboard"))).toContain("Er zijn nog geen verzuimcijfers");
  });
});
