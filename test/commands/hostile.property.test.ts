import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMANDS } from "../../commands/registry.ts";
import { openFileStore } from "../../src/store/lowdb/store.ts";
import { snapshotDir, tableWithMembers, tempDir } from "../support/harness.ts";

/** Names a plain object answers to, and shapes that have broken parsers elsewhere. */
const BUILT_INS = [
  "constructor",
  "__proto__",
  "prototype",
  "toString",
  "valueOf",
  "hasOwnProperty",
  "isPrototypeOf",
  "__defineGetter__",
  "toLocaleString",
];
const OPTION_KEYS = [
  "boa",
  "grondslag",
  "type",
  "school",
  "leeftijd",
  "toestemming",
  "taal",
  "regio",
  "notitie",
];

const hostileToken = fc.oneof(
  fc.constantFrom(...BUILT_INS),
  fc.constantFrom(...BUILT_INS).map((b) => `${b}=1`),
  fc.tuple(fc.constantFrom(...OPTION_KEYS), fc.constantFrom(...BUILT_INS)).map(([k, b]) => `${k}=${b}`),
  fc.constantFrom(...BUILT_INS).map((b) => `@${b}`),
  fc.constantFrom("C-1", "A-1", "S-1", "B-1", "@piet", "@joost", "3", "2,5", "vrijdag", "vrijdag", "1234567"),
  fc.constantFrom("\u202Eevil", "zero\u200Bwidth", "🙂🙂", "e\u0301", "ﬀ", "١٢٣", "\uFEFF", "..", "=", '"'),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: "grapheme", maxLength: 8 }),
  fc.integer({ min: 400, max: 5_000 }).map((n) => "x".repeat(n)),
);

describe("hostile words never crash a command, write when refused, or damage the store", async () => {
  const dir = await tempDir();
  let h: Awaited<ReturnType<typeof tableWithMembers>>;
  beforeAll(async () => {
    h = await tableWithMembers({ dir: dir.path });
    await h.say("joost", 'signaal 1234567 ongeoorloofd 3 vrijdag "Ochtend afwezig"');
    await h.say("piet", 'actie C-1 @joost vrijdag "Gesprek plannen"');
    await h.say("piet", 'besluit C-1 "Leerplicht voert het gesprek"');
  });
  afterAll(() => dir.remove());

  it.each([
    ["anna", "casussen constructor"],
    ["anna", "casussen __proto__"],
    ["anna", "lid @x constructor"],
    ["piet", "sluit C-1 constructor"],
    ["piet", "interventie C-1 constructor"],
    ["joost", "signaal 2345678 constructor 3 vrijdag"],
    ["joost", "signaal 2345678 ongeoorloofd 3 toString"],
    ["joost", "signaal 2345678 ongeoorloofd 2 vorige week bellen"],
    ["joost", "signaal constructor=1"],
    ["anna", "beleid constructor=1"],
    ["anna", "beleid weekoverzicht.dag=constructor"],
    ["joost", "signaal 2345678 ongeoorloofd 3 vrijdag grondslag=__proto__"],
    ["anna", `besluit C-1 ${"x".repeat(5000)}`],
  ])("%s: %s is refused with a reason and writes nothing", async (who, line) => {
    const before = await snapshotDir(dir.path);
    const { reply } = await h.say(who, line);
    expect(reply.error?.code).toMatch(
      /^(argument-ongeldig|optie-onbekend|regel-te-lang|datum-onleesbaar|te-veel-argumenten)$/,
    );
    expect(await snapshotDir(dir.path)).toEqual(before);
  });

  it.each(COMMANDS.map((c) => [c.name]))("%s", async (name) => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("anna", "piet", "joost", "kees"),
        fc.array(hostileToken, { maxLength: 5 }),
        async (who, tokens) => {
          const before = await snapshotDir(dir.path);
          const { reply } = await h.say(who, [name, ...tokens].join(" "));
          expect(reply.error?.code ?? "ok").not.toBe("intern");
          if (reply.error) expect(await snapshotDir(dir.path)).toEqual(before);
        },
      ),
      { numRuns: 25 },
    );
  });

  it("reopens the data directory after all of it", async () => {
    await h.store.close();
    const again = await openFileStore(dir.path);
    expect((await again.tables()).length).toBeGreaterThan(0);
    await again.close();
  });
});
