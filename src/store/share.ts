/** Longer strings (notes, texts) seldom repeat; a pool of them would only cost memory while the table is read. */
const SHARED_MAX = 36;

/**
 * Makes equal short strings in what it is given one string: JSON.parse gives every occurrence its own copy, and
 * a table repeats the same dates, member ids, kinds and case ids in every signal and agreement (the benchmark's
 * 10,000-case table takes 40 MiB instead of 71). Objects are changed in place; a store applies it as it reads.
 */
export function sharer(): (value: unknown) => unknown {
  const pool = new Map<string, string>();
  const share = (value: unknown): unknown => {
    if (typeof value === "string") {
      if (value.length > SHARED_MAX) return value;
      const known = pool.get(value);
      if (known !== undefined) return known;
      pool.set(value, value);
      return value;
    }
    if (Array.isArray(value)) for (let i = 0; i < value.length; i++) value[i] = share(value[i]);
    else if (typeof value === "object" && value !== null) {
      const o = value as Record<string, unknown>;
      for (const key of Object.keys(o)) {
        const v = o[key];
        if (typeof v !== "string") share(v);
        else if (v.length <= SHARED_MAX) o[key] = share(v);
      }
    }
    return value;
  };
  return share;
}
