import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../..");
const files = (dir: string): string[] =>
  readdirSync(join(root, dir), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts"))
    .map((f) => join(dir, f));
const importsOf = (file: string) =>
  [
    ...readFileSync(join(root, file), "utf8").matchAll(
      /^\s*(?:import|export)[^;]*?from\s+["']([^"']+)["']/gm,
    ),
  ].map((m) => m[1] as string);
const resolved = (file: string, spec: string) =>
  spec.startsWith(".") ? relative(root, join(root, file, "..", spec)) : spec;

/** Dependencies point inward: adapters → commands → src/app → src/core. */
describe("architecture", () => {
  it("keeps src/core pure: only zod, date-fns, the name lists and itself", () => {
    // The name lists are data modules (arrays of words, no I/O) that the PII guard reads.
    const allowed = ["zod", "date-fns", "@date-fns/tz", "@zxcvbn-ts/language-nl-be"];
    for (const file of files("src/core"))
      for (const spec of importsOf(file)) {
        const target = resolved(file, spec);
        expect(
          target.startsWith("src/core/") ||
            allowed.includes(target) ||
            // date-fns one function a module: its index loads all of it.
            target.startsWith("date-fns/") ||
            target.startsWith("@faker-js/faker/locale/"),
          `${file} imports ${spec}`,
        ).toBe(true);
      }
  });

  it("keeps src/app on the core and the ports", () => {
    for (const file of files("src/app"))
      for (const spec of importsOf(file)) {
        const target = resolved(file, spec);
        expect(/^src\/(core|app)\/|^src\/ports\.ts$/.test(target), `${file} imports ${spec}`).toBe(true);
      }
  });

  it("keeps commands free of adapters and platform SDKs", () => {
    for (const file of files("commands"))
      for (const spec of importsOf(file)) {
        const target = resolved(file, spec);
        expect(
          /^adapters\/|^@slack\/|^@microsoft\/|^src\/store\//.test(target),
          `${file} imports ${spec}`,
        ).toBe(false);
      }
  });

  it("lets nothing in src import commands or adapters, but the entry point", () => {
    for (const file of files("src").filter((f) => f !== "src/main.ts"))
      for (const spec of importsOf(file))
        expect(/^(commands|adapters)\//.test(resolved(file, spec)), `${file} imports ${spec}`).toBe(false);
  });

  it("reads the environment only in src/config.ts", () => {
    for (const file of [...files("src"), ...files("commands"), ...files("adapters")].filter(
      (f) => f !== "src/config.ts",
    ))
      expect(readFileSync(join(root, file), "utf8").includes("process.env"), file).toBe(false);
  });

  it("keeps every source file under 400 lines", () => {
    for (const file of [...files("src"), ...files("commands"), ...files("adapters"), ...files("test")])
      expect(readFileSync(join(root, file), "utf8").split("\n").length, file).toBeLessThanOrEqual(400);
  });
});
