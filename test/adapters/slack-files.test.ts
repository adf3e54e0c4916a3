import { HttpResponse, http } from "msw";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buttonBody, payloadBody, slackTable } from "../support/slack.ts";

type T = Awaited<ReturnType<typeof slackTable>>;
type View = {
  id: string;
  blocks: Array<{ block_id: string; element: Record<string, unknown> }>;
  private_metadata: string;
};

const HEAD = "school;periode;leerjaar;leerlingen;lesuren;verzuimuren;ziekuren;langdurig_4w;langdurig_3m";
const GOOD = `${HEAD}\n12AB00;2026-09;;612;61200;3800;2700;4;1\n`;
const HOST = "https://files.slack.com/files-pri/T1-F9";

/**
 * A school's figures sent as a CSV through the form's file field (Slack `file_input`): Slack hands Tafel the file's
 * address on its own host, and Tafel fetches it there with the bot's token before it runs `cijfers` with it.
 */
describe("Slack: a figures file sent through the form", () => {
  let s: T;
  /** What Slack's file host served, by file name, and the authorization each fetch carried. */
  let served: Map<string, Uint8Array | string>;
  let fetches: Array<string | null>;
  let view: View;
  beforeEach(async () => {
    s = await slackTable();
    served = new Map([["verzuim.csv", GOOD]]);
    fetches = [];
    s.api.server.use(
      http.get(`${HOST}/:name`, ({ request, params }) => {
        fetches.push(request.headers.get("authorization"));
        const body = served.get(String(params.name));
        return body === undefined ? new HttpResponse(null, { status: 404 }) : new HttpResponse(body);
      }),
    );
    await s.slash("U1", 'school 12AB00 naam="Maaswaal College" type=vo');
    // The figures' own answer offers the form; the school's care coordinator opens it.
    const shown = await s.slash("U2", "cijfers");
    const values = (shown.json.blocks as Array<{ elements?: Array<{ value?: string }> }>).flatMap((b) =>
      (b.elements ?? []).map((e) => e.value ?? ""),
    );
    const value = values.find((v) => v.includes('"form":"cijfers"'));
    expect(value).toBeDefined();
    await s.send(
      buttonBody({ id: "U2", username: "joost" }, "", "300.1", { channel: "C1", value: value ?? "" }),
    );
    await s.settle();
    const opened = s.api.of("views.open").at(-1);
    view = (opened?.body as { view: View } | undefined)?.view as View;
  });
  afterEach(() => s.stop());

  const submit = (file: Record<string, unknown> | Record<string, unknown>[], id = "V1") =>
    s.send(
      payloadBody({
        type: "view_submission",
        team: { id: "T1" },
        user: { id: "U2", name: "joost" },
        view: {
          id,
          hash: "h1",
          callback_id: "tafel_form",
          private_metadata: view.private_metadata,
          state: { values: { __bestand: { v: { type: "file_input", files: [file].flat() } } } },
        },
      }),
    );
  const file = (name: string, size: number, url = `${HOST}/${name}`) => ({
    id: "F9",
    name,
    url_private: url,
    size,
  });
  const figures = async () => (await s.h.store.read("slack-t1-c1")).figures;

  it("offers one CSV file field and imports the file, fetched from Slack with the bot's token", async () => {
    const field = view.blocks.find((b) => b.block_id === "__bestand");
    expect(field?.element).toEqual({ type: "file_input", action_id: "v", filetypes: ["csv"], max_files: 1 });
    const res = await submit(file("verzuim.csv", GOOD.length));
    expect(res.status).toBe(200);
    expect(res.json?.errors).toBeUndefined();
    await s.settle();
    expect(fetches).toEqual(["Bearer xoxb-test"]);
    expect((await figures()).map((f) => [f.school, f.period, f.pupils])).toEqual([
      ["12AB00", "2026-09", 612],
    ]);
    expect(JSON.stringify(s.api.calls.slice(-3))).toContain("Verzuimcijfers opgeslagen");
  });

  it("refuses on the file field, storing nothing, what is not a CSV, too large, elsewhere, or not text", async () => {
    served.set("groot.csv", `${HEAD}\n${"x".repeat(2_100_000)}`);
    served.set("binair.csv", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0xff, 0xfe, 0x00]));
    const cases: Array<[Record<string, unknown> | Record<string, unknown>[], RegExp]> = [
      [file("verzuim.xlsx", 100), /CSV-bestand/],
      // The field takes one file; a form that carries two was not made by it.
      [[file("verzuim.csv", 100), file("verzuim.csv", 100)], /één bestand/],
      [file("verzuim.csv", 3_000_000), /te groot/],
      // Slack's stated size is input: the bytes themselves are counted too.
      [file("groot.csv", 100), /te groot/],
      [file("binair.csv", 7), /niet ophalen of lezen/],
      [file("weg.csv", 100), /niet ophalen of lezen/],
      // The bot's token goes to Slack's file host only, wherever a forged form points.
      [file("verzuim.csv", 100, "https://evil.example/verzuim.csv"), /niet ophalen of lezen/],
      [
        file("verzuim.csv", 100, "http://files.slack.com/files-pri/T1-F9/verzuim.csv"),
        /niet ophalen of lezen/,
      ],
    ];
    for (const [sent, why] of cases) {
      const res = await submit(sent);
      expect(res.json?.response_action, JSON.stringify(sent)).toBe("errors");
      expect(res.json?.errors.__bestand).toMatch(why);
    }
    expect(fetches.length).toBe(3);
    expect(await figures()).toEqual([]);
  });

  it("names a wrong row on the file field, and the corrected form then runs", async () => {
    served.set("fout.csv", `${GOOD}99ZZ00;2026-09;;10;100;1;1;0;0\n`);
    const wrong = await submit(file("fout.csv", 100));
    expect(wrong.json?.errors.__bestand).toMatch(/rij 3, kolom school: geen school van deze tafel/);
    expect(await figures()).toEqual([]);
    const fixed = await submit(file("verzuim.csv", GOOD.length));
    expect(fixed.json?.errors).toBeUndefined();
    await s.settle();
    expect(await figures()).toHaveLength(1);
  });
});
