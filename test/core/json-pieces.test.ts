import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { prettyJsonPieces } from "../../src/core/json-pieces.ts";

describe("pretty JSON a piece at a time", () => {
  it("is JSON.stringify's text of the head with the list last, whatever the head and the elements", () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.jsonValue()),
        fc.array(fc.oneof(fc.jsonValue(), fc.constant(undefined)), { maxLength: 6 }),
        (head, list) => {
          const { cases: _, ...rest } = head;
          const whole = JSON.stringify({ ...rest, cases: list }, null, 2);
          expect([...prettyJsonPieces(rest, "cases", list)].join("")).toBe(whole);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("gives the head first and then one piece per element", () => {
    const pieces = [...prettyJsonPieces({ schemaVersion: 2 }, "cases", [{ id: "C-1" }, { id: "C-2" }])];
    expect(pieces).toEqual([
      '{\n  "schemaVersion": 2,\n  "cases": [',
      '\n    {\n      "id": "C-1"\n    }',
      ',\n    {\n      "id": "C-2"\n    }',
      "\n  ]\n}",
    ]);
  });
});
