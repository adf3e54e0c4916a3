import { describe, expect, it } from "vitest";
import type { Member, TableDoc } from "../../src/core/model.ts";
import { ownRegion } from "../../src/core/region.ts";
import { fail, ok } from "../../src/core/result.ts";
import { setSchoolPolicy } from "../../src/core/school-policy.ts";
import { setSchool } from "../../src/core/schools.ts";
import { audit, newTable } from "../../src/core/table.ts";
import type { Store } from "../../src/ports.ts";
import { openFileStore, openMemoryStore } from "../../src/store/lowdb/store.ts";
import { tempDir } from "../support/harness.ts";
import { freshSchema, TEST_DATABASE_URL } from "../support/postgres.ts";

const at = "2026-11-23T09:00:00.000Z";
const aTable = (conversation: string, name = "Triage") =>
  newTable({
    id: conversation,
    name,
    region: "midden",
    language: "nl",
    conversation,
    chair: { id: "u1", handle: "anna" },
    at,
  });

/** What every Store must do, embedded or on PostgreSQL. */
function contract(
  name: string,
  open: () => Promise<{ store: Store; reopen: () => Promise<Store>; done: () => Promise<void> }>,
  skip = false,
) {
  describe.skipIf(skip)(`Store contract: ${name}`, () => {
    it("creates a table once per conversation and finds it", async () => {
      const { store, done } = await open();
      expect(await store.create(aTable("c1"))).toEqual(ok({ id: "c1", name: "Triage", conversation: "c1" }));
      expect(await store.create(aTable("c1", "Twee"))).toEqual(fail("tafel-bestaat"));
      expect(await store.tableFor("c1")).toEqual({ id: "c1", name: "Triage", conversation: "c1" });
      expect(await store.tableFor("c2")).toBeNull();
      expect((await store.tables()).map((t) => t.id)).toEqual(["c1"]);
      await done();
    });

    it("holds a table's schools through a change and a reopen (schema 6)", async () => {
      const { store, reopen, done } = await open();
      await store.create(aTable("c1"));
      const r = await store.transact("c1", (d) =>
        setSchool(
          d,
          {
            code: "12AB00",
            name: "Maaswaal College",
            kind: "vo",
            yearGroups: ["1", "2"],
            municipality: "Druten",
            contact: null,
            officer: null,
          },
          "u1",
          at,
        ),
      );
      expect(r.ok).toBe(true);
      // A school's own protocol trigger, written as every change to a school is.
      expect((await store.transact("c1", (d) => setSchoolPolicy(d, "12AB00", { lateCount: 5 }))).ok).toBe(
        true,
      );
      const again = await reopen();
      expect((await again.read("c1")).schools).toEqual([
        {
          code: "12AB00",
          name: "Maaswaal College",
          kind: "vo",
          yearGroups: ["1", "2"],
          municipality: "Druten",
          contact: null,
          officer: null,
          policy: { lateCount: 5 },
          changedAt: at,
          changedBy: "u1",
        },
      ]);
      await done();
    });

    it("keeps a successful change and drops a refused or failing one", async () => {
      const { store, reopen, done } = await open();
      await store.create(aTable("c1"));
      const r = await store.transact("c1", (d) => {
        d.counters.case = 5;
        return ok(d.counters.case);
      });
      expect(r).toEqual(ok(5));
      expect(
        await store.transact("c1", (d) => {
          d.counters.case = 99;
          return fail("nee");
        }),
      ).toEqual(fail("nee"));
      await expect(
        store.transact("c1", (d) => {
          d.counters.case = 77;
          throw new Error("bug");
        }),
      ).rejects.toThrow("bug");
      expect((await store.read("c1")).counters.case).toBe(5);
      const again = await reopen();
      expect((await again.read("c1")).counters.case).toBe(5);
      await done();
    });

    it("refuses a change that does not fit the schema at the command, so the table still opens", async () => {
      const { store, reopen, done } = await open();
      await store.create(aTable("c1"));
      const hostile = [
        (d: TableDoc) => {
          (d.members[0] as { role: unknown }).role = Object;
        },
        (d: TableDoc) => {
          d.members.push({
            id: "x",
            handle: "x",
            role: "constructor" as never,
            boa: false,
            organisation: null,
            municipalities: [],
            addedAt: at,
            removedAt: null,
          });
        },
        (d: TableDoc) => {
          (d.counters as { case: unknown }).case = "veel";
        },
      ];
      for (const write of hostile)
        expect(
          await store.transact("c1", (d) => {
            write(d);
            return ok(null);
          }),
        ).toMatchObject({ ok: false, error: { code: "opslag-ongeldig" } });
      const again = await reopen();
      expect((await again.read("c1")).members).toEqual((await store.read("c1")).members);
      expect((await again.read("c1")).members.map((m) => m.role)).toEqual(["voorzitter"]);
      await done();
    });

    it("runs concurrent changes to one table one at a time, losing none", async () => {
      const { store, reopen, done } = await open();
      await store.create(aTable("c1"));
      await Promise.all(
        Array.from({ length: 50 }, () =>
          store.transact("c1", (d) => {
            d.counters.signal++;
            return ok(null);
          }),
        ),
      );
      expect((await store.read("c1")).counters.signal).toBe(50);
      expect((await (await reopen()).read("c1")).counters.signal).toBe(50);
      await done();
    });

    it("holds a table's changes while a hold runs on it, and no other table's", async () => {
      const { store, done } = await open();
      await store.create(aTable("c1"));
      await store.create(aTable("c2"));
      const order: string[] = [];
      let release = () => {};
      // The hold waits until a change to c1 was asked for and one to c2 made.
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      const held = store.hold("c1", async (doc) => {
        const before = doc.counters.case;
        await gate;
        order.push(`held saw ${before}, then ${doc.counters.case}`);
      });
      const c1 = store.transact("c1", (d) => {
        d.counters.case = 1;
        return ok(null);
      });
      void c1.then(() => order.push("c1 changed"));
      await store.transact("c2", (d) => {
        d.counters.case = 2;
        return ok(null);
      });
      order.push("c2 changed");
      release();
      await Promise.all([held, c1]);
      expect(order).toEqual(["c2 changed", "held saw 0, then 0", "c1 changed"]);
      expect((await store.read("c1")).counters.case).toBe(1);
      await done();
    });

    it("keeps collections element by element, a collection that shrank, and a re-read table whole", async () => {
      const { store, reopen, done } = await open();
      await store.create(aTable("c1"));
      for (const event of ["een", "twee", "drie"])
        await store.transact("c1", (d) => {
          audit(d, at, "anna", event);
          return ok(null);
        });
      await store.transact("c1", (d) => {
        d.members.push({
          id: "u2",
          handle: "piet",
          role: "leerplichtambtenaar",
          boa: false,
          organisation: null,
          municipalities: [],
          addedAt: at,
          removedAt: null,
        });
        d.members[0] = { ...d.members[0], organisation: "Gemeente" } as Member;
        d.audit = d.audit.filter((e) => e.event !== "twee");
        return ok(null);
      });
      await expect(
        store.transact("c1", (d) => {
          d.audit.push({ at, actor: "anna", event: "half", caseId: null, subject: null });
          d.members.splice(0, 1);
          throw new Error("bug");
        }),
      ).rejects.toThrow("bug");
      const written = structuredClone(await store.read("c1"));
      expect(written.audit.map((e) => e.event)).toEqual(["tafel.opgezet", "een", "drie"]);
      expect(written.members.map((m) => [m.handle, m.organisation])).toEqual([
        ["anna", "Gemeente"],
        ["piet", null],
      ]);
      expect(await (await reopen()).read("c1")).toEqual(written);
      await done();
    });

    it("keeps tables apart and renames in the index", async () => {
      const { store, reopen, done } = await open();
      await store.create(aTable("c1"));
      await store.create(aTable("c2", "Doorbraak"));
      await store.transact("c2", (d) => {
        d.table.name = "Doorbraaktafel";
        return ok(null);
      });
      expect((await store.read("c1")).table.name).toBe("Triage");
      const again = await reopen();
      expect((await again.tables()).map((t) => t.name)).toEqual(["Triage", "Doorbraaktafel"]);
      await done();
    });

    it("keeps reads out of the table, in a log of their own written with the change, queried and pruned", async () => {
      const { store, reopen, done } = await open();
      await store.create(aTable("c1"));
      const audited = (await store.read("c1")).audit.length;
      const look = (when: string, caseId: string | null) =>
        store.transact("c1", (d) => {
          audit(d, when, "u1", "casus.bekeken", caseId);
          return ok(null);
        });
      await look("2026-11-20T09:00:00.000Z", "C-1");
      // A change that is also seen: its history in the table, its read in the log.
      await store.transact("c1", (d) => {
        audit(d, "2026-11-21T09:00:00.000Z", "u1", "casussen.bekeken");
        audit(d, "2026-11-21T09:00:00.000Z", "u1", "casus.gesloten", "C-2");
        d.counters.case = 2;
        return ok(null);
      });
      // A refused change leaves no read on record.
      await store.transact("c1", (d) => {
        audit(d, "2026-11-22T09:00:00.000Z", "u1", "casus.bekeken", "C-9");
        return fail("nee");
      });
      await look("2026-11-23T09:00:00.000Z", "C-2");
      const doc = await store.read("c1");
      expect(doc.audit.slice(audited).map((e) => e.event)).toEqual(["casus.gesloten"]);
      const again = await reopen();
      const events = (q: Parameters<Store["reads"]>[1]) =>
        again.reads("c1", q).then((rs) => rs.map((e) => `${e.at.slice(8, 10)} ${e.event} ${e.caseId}`));
      expect(await events({})).toEqual([
        "20 casus.bekeken C-1",
        "21 casussen.bekeken null",
        "23 casus.bekeken C-2",
      ]);
      expect(await events({ from: "2026-11-21T00:00:00.000Z", to: "2026-11-23T09:00:00.000Z" })).toEqual([
        "21 casussen.bekeken null",
      ]);
      expect(await events({ caseId: "C-2" })).toEqual(["23 casus.bekeken C-2"]);
      expect(await again.pruneReads("c1", "2026-11-21T00:00:00.000Z")).toBe(1);
      expect(await events({})).toEqual(["21 casussen.bekeken null", "23 casus.bekeken C-2"]);
      expect((await again.read("c1")).counters.case).toBe(2);
      await done();
    });

    it("keeps regions beside the tables: versions, one region a table, through a reopen (issue #30)", async () => {
      const { store, reopen, done } = await open();
      const region = { ...ownRegion(aTable("c1")), id: "rijk", name: "Rijk", tables: ["c1", "c2"] };
      expect(await store.regions.save({ ...region, version: 2 })).toEqual(fail("gewijzigd"));
      expect((await store.regions.save(region)).ok).toBe(true);
      // Two changes made on version 1 at once: one is written, the other is told to try again.
      const both = await Promise.all([
        store.regions.save({ ...region, version: 2, rmc: "RMC A" }),
        store.regions.save({ ...region, version: 2, rmc: "RMC B" }),
      ]);
      expect(both.filter((r) => r.ok)).toHaveLength(1);
      expect(both.filter((r) => !r.ok)).toEqual([fail("gewijzigd")]);
      const other = { ...region, id: "elders", tables: ["c3", "c2"] };
      expect(await store.regions.save(other)).toEqual(fail("regio-al", { table: "c2" }));
      const again = await reopen();
      expect((await again.regions.of("c2"))?.rmc).toMatch(/^RMC [AB]$/);
      expect(await again.regions.of("c3")).toBeNull();
      expect((await again.regions.all()).map((r) => [r.id, r.version])).toEqual([["rijk", 2]]);
      await done();
    });

    it("finds a person's tables without loading them, and forgets a table they left", async () => {
      const { store, reopen, done } = await open();
      for (const id of ["c1", "c2", "c3"]) await store.create(aTable(id, id.toUpperCase()));
      const joost: Member = {
        ...(aTable("x").members[0] as Member),
        id: "u2",
        handle: "joost",
        role: "mentor",
      };
      await store.transact("c1", (d) => ok(d.members.push({ ...joost })));
      await store.transact("c3", (d) => ok(d.members.push({ ...joost })));
      await store.transact("c3", (d) => ok(Object.assign(d.members[1] as Member, { removedAt: at })));
      const again = await reopen();
      expect((await again.tablesOf("u2")).map((t) => t.id)).toEqual(["c1"]);
      expect((await again.tablesOf("u1")).map((t) => t.id)).toEqual(["c1", "c2", "c3"]);
      expect(await again.tablesOf("nobody")).toEqual([]);
      await done();
    });

    it("tells the first delivery of a key from its repeats", async () => {
      const { store, done } = await open();
      const claims = await Promise.all(
        ["event:E1", "event:E1", "view:V1:h1", "event:E1"].map((k) => store.firstDelivery(k)),
      );
      expect(claims).toEqual([true, false, true, false]);
      expect(await store.firstDelivery("view:V1:h2")).toBe(true);
      await done();
    });
  });
}

contract("lowdb in memory", async () => {
  const store = await openMemoryStore();
  return { store, reopen: async () => store, done: () => store.close() };
});

contract("lowdb on disk", async () => {
  const dir = await tempDir();
  let current = await openFileStore(dir.path);
  return {
    store: current,
    reopen: async () => {
      await current.close();
      current = await openFileStore(dir.path);
      return current;
    },
    done: async () => {
      await current.close();
      await dir.remove();
    },
  };
});

contract(
  "PostgreSQL",
  async () => {
    const schema = await freshSchema();
    let current = await schema.open();
    return {
      store: current,
      reopen: async () => {
        current = await schema.open();
        return current;
      },
      done: () => schema.drop(),
    };
  },
  !TEST_DATABASE_URL,
);
