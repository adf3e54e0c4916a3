import { describe, expect, it } from "vitest";
import type { TableDoc } from "../../src/core/model.ts";
import { type Held, TableCache } from "../../src/store/postgres/cache.ts";

const held = (bytes: number): Held => ({ doc: {} as TableDoc, version: 1, lengths: {}, bytes });

describe("the table cache's tables passing by", () => {
  it("keeps the table of each sweep running at once, and lets the oldest go past eight", () => {
    const cache = new TableCache(1000);
    // Four job workers each pass a table by at the same time: none pushes another's out.
    for (const id of ["a", "b", "c", "d"]) cache.keep(id, held(10), true);
    expect(["a", "b", "c", "d"].map((id) => cache.get(id) !== undefined)).toEqual([true, true, true, true]);
    for (const id of ["e", "f", "g", "h", "i"]) cache.keep(id, held(10), true);
    expect(cache.get("a")).toBeUndefined();
    expect(cache.get("i")).toBeDefined();
    // Passing tables are no part of the budget; a real use takes one into the cache.
    expect(cache.stats()).toEqual({ tables: 0, bytes: 0, evictions: 0 });
    cache.keep("i", held(10));
    expect(cache.stats()).toEqual({ tables: 1, bytes: 10, evictions: 0 });
  });
});
