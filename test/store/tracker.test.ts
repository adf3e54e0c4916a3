import { describe, expect, it } from "vitest";
import { blankCase } from "../../src/core/cases.ts";
import type { TableDoc } from "../../src/core/model.ts";
import { newTable } from "../../src/core/table.ts";
import { applyDelta, isEmpty, track } from "../../src/store/tracker.ts";

const at = "2026-11-23T09:00:00.000Z";
function table(): TableDoc {
  const doc = newTable({
    id: "t",
    name: "T",
    region: "zuid",
    language: "nl",
    conversation: "t",
    chair: { id: "a", handle: "anna" },
    at,
  });
  const member = { boa: false, organisation: null, municipalities: [], addedAt: at, removedAt: null };
  doc.members.push({ id: "b", handle: "bob", role: "zorgcoordinator", ...member });
  doc.members.push({ id: "c", handle: "cor", role: "jgz", ...member });
  doc.cases.push(blankCase("C-1", "L-AAAAAA", "anna", at), blankCase("C-2", "L-BBBBBB", "anna", at));
  return doc;
}

function mutate(d: TableDoc) {
  d.counters.case++;
  const c = d.cases.find((x) => x.id === "C-2");
  if (!c) throw new Error("no case");
  c.regie = { holder: "bob", since: at };
  c.regieHistory.push({ holder: "bob", at, by: "anna" });
  d.cases.push(blankCase("C-3", null, "anna", at));
  d.members.splice(
    d.members.findIndex((m) => m.handle === "bob"),
    1,
  );
  d.audit.push({ at, actor: "anna", event: "x", caseId: null, subject: null });
  d.policy = { margin: 10 };
}

describe("change tracking", () => {
  it("undoes every kind of write on rollback", () => {
    const doc = table();
    const before = structuredClone(doc);
    const t = track(doc);
    mutate(t.draft);
    t.rollback();
    expect(doc).toEqual(before);
  });

  it("yields a delta that replays to the same table", () => {
    const doc = table();
    const copy = structuredClone(doc);
    const t = track(doc);
    mutate(t.draft);
    const delta = JSON.parse(JSON.stringify(t.delta()));
    applyDelta(copy as never, delta);
    expect(copy).toEqual(doc);
    expect(Object.keys(delta.set).sort()).toEqual(["counters", "members", "policy"]);
    expect(delta.upsert.cases.map(([i]: [number]) => i)).toEqual([1, 2]);
  });

  it("keeps identity, so finding and comparing work as on plain objects", () => {
    const t = track(table());
    const m = t.draft.members.find((x) => x.handle === "cor");
    expect(t.draft.members.indexOf(m as never)).toBe(2);
    expect(isEmpty(t.delta())).toBe(true);
  });
});

describe("searches in a collection", () => {
  it("give predicates the plain elements, and track what they pick", () => {
    const doc = table();
    const before = structuredClone(doc);
    const t = track(doc);
    const seen: unknown[] = [];
    const picked = t.draft.cases.filter((c) => {
      seen.push(c);
      return c.id === "C-2";
    });
    expect(seen).toEqual(doc.cases);
    expect(seen[0]).toBe(doc.cases[0]);
    const found = t.draft.cases.findLast((c) => c.pupilKey === "L-AAAAAA");
    if (!found || !picked[0]) throw new Error("not found");
    found.note = "gevonden";
    picked[0].regie = { holder: "cor", since: at };
    expect(t.delta().upsert.cases?.map(([i]) => i)).toEqual([0, 1]);
    expect(t.draft.cases.some((c) => c.regie !== null)).toBe(true);
    expect(t.draft.cases.findIndex((c) => c.regie !== null)).toBe(1);
    t.rollback();
    expect(doc).toEqual(before);
  });

  it("find an element by value whether it is handed in as read through the draft or not", () => {
    const doc = table();
    const t = track(doc);
    const cor = t.draft.members.find((m) => m.handle === "cor");
    t.draft.members.push(cor as never);
    expect(t.draft.members.indexOf(cor as never)).toBe(2);
    expect(t.draft.members.lastIndexOf(cor as never)).toBe(3);
    expect(t.draft.members.includes(doc.members[1] as never)).toBe(true);
  });
});

describe("change tracking of a replaced collection", () => {
  it("stores plain elements when a collection is rebuilt from its own elements", () => {
    const doc = table();
    const t = track(doc);
    t.draft.members = t.draft.members.filter((m) => m.handle !== "bob");
    expect(() => structuredClone(doc)).not.toThrow();
    t.rollback();
    expect(doc.members.map((m) => m.handle)).toEqual(["anna", "bob", "cor"]);
  });
});

describe("change tracking of the daily rules check", () => {
  it("journals nothing for cases whose notices did not change", async () => {
    const { takeNotices } = await import("../../src/core/rules/notices.ts");
    const { evaluateCase } = await import("../../src/core/rules/evaluate.ts");
    const { policyOf } = await import("../../src/core/rules/policy.ts");
    const { calendar } = await import("../support/signals.ts");
    const t = track(table());
    for (const c of t.draft.cases)
      takeNotices(
        c,
        evaluateCase(c, calendar("zuid"), policyOf({}), "2026-11-23"),
        calendar("zuid"),
        "2026-11-23",
      );
    expect(isEmpty(t.delta())).toBe(true);
  });
});
