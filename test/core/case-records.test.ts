import { describe, expect, it } from "vitest";
import { addAction, addDecision, findAction } from "../../src/core/actions.ts";
import { actionsOfCase, decisionsOfCase } from "../../src/core/case-records.ts";
import { blankCase, findCase } from "../../src/core/cases.ts";
import type { Action, Member, TableDoc } from "../../src/core/model.ts";
import { newTable } from "../../src/core/table.ts";
import { track } from "../../src/store/tracker.ts";

const at = "2026-11-23T09:00:00.000Z";
const today = "2026-11-23";

function table(cases: number): { doc: TableDoc; anna: Member } {
  const doc = newTable({
    id: "t",
    name: "T",
    region: "midden",
    language: "nl",
    conversation: "t",
    chair: { id: "a", handle: "anna" },
    at,
  });
  for (let n = 1; n <= cases; n++) {
    doc.counters.case = n;
    doc.cases.push(blankCase(`C-${n}`, null, "anna", at));
  }
  return { doc, anna: doc.members[0] as Member };
}

const agree = (doc: TableDoc, anna: Member, caseId: string, text: string) => {
  const r = addAction(doc, findCase(doc, caseId) as never, anna, "2026-11-27", text, "anna", at, today);
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
};
const texts = (xs: readonly { text: string }[]) => xs.map((x) => x.text);

describe("finding a record by its number", () => {
  it("finds each case and agreement, and none that is not there", () => {
    const { doc, anna } = table(5);
    agree(doc, anna, "C-4", "een");
    agree(doc, anna, "C-2", "twee");
    expect(findCase(doc, "C-4")?.id).toBe("C-4");
    expect(findAction(doc, "A-2")?.text).toBe("twee");
    for (const id of ["C-6", "C-0", "C-x", "C-", "A-3"])
      expect(findCase(doc, id) ?? findAction(doc, id)).toBe(undefined);
  });

  it("still finds a case in a table whose cases are out of order", () => {
    const { doc } = table(3);
    doc.cases.reverse();
    expect(findCase(doc, "C-1")?.id).toBe("C-1");
    expect(findCase(doc, "C-3")?.id).toBe("C-3");
  });
});

describe("a case's agreements and decisions", () => {
  it("are found as they are added, in order, and only the case's own", () => {
    const { doc, anna } = table(3);
    expect(actionsOfCase(doc, "C-1")).toEqual([]);
    agree(doc, anna, "C-1", "een");
    agree(doc, anna, "C-2", "twee");
    expect(texts(actionsOfCase(doc, "C-1"))).toEqual(["een"]);
    agree(doc, anna, "C-1", "drie");
    addDecision(doc, findCase(doc, "C-2") as never, "besluit", "anna", at);
    expect(texts(actionsOfCase(doc, "C-1"))).toEqual(["een", "drie"]);
    expect(texts(actionsOfCase(doc, "C-2"))).toEqual(["twee"]);
    expect(texts(decisionsOfCase(doc, "C-2"))).toEqual(["besluit"]);
    expect(decisionsOfCase(doc, "C-1")).toEqual([]);
  });

  it("follow a change that was undone and another made in its place", () => {
    const { doc, anna } = table(3);
    agree(doc, anna, "C-1", "een");
    expect(texts(actionsOfCase(doc, "C-1"))).toEqual(["een"]);
    const undone = track(doc);
    agree(undone.draft, anna, "C-1", "ingetrokken");
    expect(texts(actionsOfCase(doc, "C-1"))).toEqual(["een", "ingetrokken"]);
    undone.rollback();
    const kept = track(doc);
    agree(kept.draft, anna, "C-3", "drie");
    expect(texts(actionsOfCase(doc, "C-1"))).toEqual(["een"]);
    expect(texts(actionsOfCase(doc, "C-3"))).toEqual(["drie"]);
  });

  it("follow an element replaced by a newer copy of itself", () => {
    const { doc, anna } = table(2);
    agree(doc, anna, "C-1", "een");
    agree(doc, anna, "C-2", "twee");
    expect(texts(actionsOfCase(doc, "C-2"))).toEqual(["twee"]);
    doc.actions[1] = { ...(doc.actions[1] as Action), status: "done" };
    expect(actionsOfCase(doc, "C-2").map((a) => a.status)).toEqual(["done"]);
  });
});
