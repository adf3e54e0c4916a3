import type { TableDoc } from "../core/model.ts";

type Doc = Record<string, unknown>;

/** Collections grow by `push` and change element by element; everything else in a table is a small value. */
export const COLLECTIONS = new Set([
  "members",
  "cases",
  "actions",
  "decisions",
  "meetings",
  "outbox",
  "audit",
]);

/**
 * Searches run on the plain elements, since reading all of a collection through proxies costs a proxy per element
 * (at 10,000 cases more than the command). So a predicate must only read, and compares elements by their fields,
 * never by identity with one it had through the draft; what a search returns is tracked as usual.
 */
const SEARCH_NAMES = ["find", "findLast", "findIndex", "findLastIndex", "some", "every", "filter"] as const;
type Search = (typeof SEARCH_NAMES)[number];
const SEARCHES: ReadonlySet<string> = new Set(SEARCH_NAMES);
/** Looked up by value: a proxy handed in stands for the plain element it wraps. */
const BY_VALUE_NAMES = ["indexOf", "lastIndexOf", "includes"] as const;
type ByValue = (typeof BY_VALUE_NAMES)[number];
const BY_VALUE: ReadonlySet<string> = new Set(BY_VALUE_NAMES);
type Predicate = (v: unknown, i: number, list: unknown[]) => unknown;

function search(list: unknown[], method: Search, element: (i: number) => unknown) {
  return (test: Predicate, self?: unknown) => {
    const pass = (v: unknown, i: number) => test.call(self, v, i, list);
    if (method === "find" || method === "findLast") {
      const i = method === "find" ? list.findIndex(pass) : list.findLastIndex(pass);
      return i < 0 ? undefined : element(i);
    }
    if (method === "filter") {
      const picked: unknown[] = [];
      for (let i = 0; i < list.length; i++) if (pass(list[i], i)) picked.push(element(i));
      return picked;
    }
    return list[method](pass);
  };
}

/** What a committed change did: whole values replaced, and elements of collections written, by index. */
export interface Delta {
  set: Record<string, unknown>;
  upsert: Record<string, Array<[number, unknown]>>;
}

export const isEmpty = (d: Delta) => Object.keys(d.set).length === 0 && Object.keys(d.upsert).length === 0;

/**
 * Lets a change run on the table itself instead of a copy of it, which at 2,000 cases costs more than the change:
 * a proxy notes each element and value the change writes, keeping a copy of it as it was, so a refused change is
 * undone and a committed one yields just what it wrote.
 */
export function track(doc: TableDoc) {
  const raw = doc as unknown as Doc;
  const NEW = Symbol("new");
  const replaced = new Map<string, unknown>();
  const elements = new Map<string, Map<number, unknown>>();
  const lengths = new Map<string, number>();
  const proxies = new WeakMap<object, object>();
  const targets = new WeakMap<object, unknown>();
  /** What is stored is always the plain object, never its proxy (a splice moves elements it read through one). */
  const unwrap = (v: unknown): unknown => {
    if (v === null || typeof v !== "object") return v;
    const target = targets.get(v);
    if (target) return target;
    // A new array built from elements read through proxies (`doc.outbox = doc.outbox.filter(…)`).
    if (Array.isArray(v)) return v.map(unwrap);
    // A new object spread from one read through a proxy (`{ ...member, organisation }`) holds its nested values'
    // proxies: the stored object gets the plain values.
    for (const [k, x] of Object.entries(v)) {
      const plain = unwrap(x);
      if (plain !== x) (v as Doc)[k] = plain;
    }
    return v;
  };

  const replaceTop = (key: string) => {
    if (replaced.has(key)) return;
    const was = structuredClone(raw[key]);
    // A collection already written element by element (a splice shifts before it shrinks): put those back first.
    const stash = elements.get(key);
    if (stash && Array.isArray(was)) {
      for (const [i, element] of stash) if (element !== NEW) was[i] = element;
      was.length = lengths.get(key) ?? was.length;
      elements.delete(key);
    }
    replaced.set(key, was);
  };
  const touchElement = (coll: string, i: number) => {
    if (replaced.has(coll)) return;
    let stash = elements.get(coll);
    if (!stash) {
      stash = new Map();
      elements.set(coll, stash);
      lengths.set(coll, (raw[coll] as unknown[]).length);
    }
    if (!stash.has(i)) {
      const list = raw[coll] as unknown[];
      stash.set(i, i < list.length ? structuredClone(list[i]) : NEW);
    }
  };

  /** A proxy for any object below `owner`, whose first write calls `touch`. */
  function deep<T extends object>(target: T, touch: () => void): T {
    const known = proxies.get(target);
    if (known) return known as T;
    const proxy = new Proxy(target, {
      get(t, p, r) {
        const v = Reflect.get(t, p, r);
        return v !== null && typeof v === "object" ? deep(v as object, touch) : v;
      },
      set(t, p, v) {
        touch();
        return Reflect.set(t, p, unwrap(v));
      },
      deleteProperty(t, p) {
        touch();
        return Reflect.deleteProperty(t, p);
      },
    });
    proxies.set(target, proxy);
    targets.set(proxy, target);
    return proxy;
  }

  function collection(coll: string): unknown[] {
    const list = raw[coll] as unknown[];
    const known = proxies.get(list);
    if (known) return known as unknown[];
    const index = (p: string | symbol) => (typeof p === "string" && /^\d+$/.test(p) ? Number(p) : -1);
    const element = (i: number) => {
      const v = list[i];
      return v !== null && typeof v === "object" ? deep(v as object, () => touchElement(coll, i)) : v;
    };
    const proxy = new Proxy(list, {
      get(t, p, r) {
        if (typeof p === "string" && SEARCHES.has(p)) return search(t, p as Search, element);
        if (typeof p === "string" && BY_VALUE.has(p))
          return (x: unknown, ...from: [number?]) => t[p as ByValue](unwrap(x), ...from);
        const i = index(p);
        const v = Reflect.get(t, p, r);
        if (i < 0 || v === null || typeof v !== "object") return v;
        return element(i);
      },
      set(t, p, v) {
        const i = index(p);
        if (i >= 0) touchElement(coll, i);
        else if (p === "length" && (v as number) < t.length) replaceTop(coll);
        return Reflect.set(t, p, unwrap(v));
      },
      deleteProperty(t, p) {
        replaceTop(coll);
        return Reflect.deleteProperty(t, p);
      },
    });
    proxies.set(list, proxy);
    targets.set(proxy, list);
    return proxy;
  }

  const draft = new Proxy(raw, {
    get(t, p, r) {
      const v = Reflect.get(t, p, r);
      if (typeof p === "string" && COLLECTIONS.has(p) && !replaced.has(p)) return collection(p);
      return v !== null && typeof v === "object" ? deep(v as object, () => replaceTop(p as string)) : v;
    },
    set(t, p, v) {
      replaceTop(p as string);
      return Reflect.set(t, p, unwrap(v));
    },
  }) as unknown as TableDoc;
  targets.set(draft, raw);

  /** A result handed back to the caller, its proxies replaced by the plain objects (reading through them costs). */
  const plain = (v: unknown, depth = 2): unknown => {
    if (v === null || typeof v !== "object") return v;
    const target = targets.get(v);
    if (target) return target;
    if (depth === 0) return v;
    if (Array.isArray(v)) return v.map((x) => plain(x, depth - 1));
    if (Object.getPrototypeOf(v) !== Object.prototype) return v;
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x, depth - 1)]));
  };

  return {
    draft,
    plain,
    rollback() {
      for (const [coll, stash] of elements) {
        const list = raw[coll] as unknown[];
        for (const [i, was] of stash) if (was !== NEW) list[i] = was;
        list.length = lengths.get(coll) ?? list.length;
      }
      for (const [key, was] of replaced) raw[key] = was;
    },
    delta(): Delta {
      const set: Record<string, unknown> = {};
      for (const key of replaced.keys()) set[key] = raw[key];
      const upsert: Record<string, Array<[number, unknown]>> = {};
      for (const [coll, stash] of elements) {
        if (replaced.has(coll)) continue;
        const list = raw[coll] as unknown[];
        upsert[coll] = [...stash.keys()].filter((i) => i < list.length).map((i) => [i, list[i]]);
      }
      return { set, upsert };
    },
  };
}

/** Replays a delta onto a table as read from disk (of the same schema version the delta was written by). */
export function applyDelta(doc: Doc, delta: Delta) {
  for (const [key, value] of Object.entries(delta.set)) doc[key] = value;
  for (const [coll, items] of Object.entries(delta.upsert)) {
    const list = doc[coll] as unknown[];
    for (const [i, value] of items) list[i] = value;
  }
}
