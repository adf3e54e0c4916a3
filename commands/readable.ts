import { formatDay } from "../src/core/dates.ts";
import type { Language } from "../src/core/model.ts";
import type { Params } from "../src/core/result.ts";
import { isMessageKey, type Translate } from "../src/i18n/index.ts";
import { num } from "./render.ts";

/**
 * A use case's params as a person reads them: message keys translated, dates as `za 21 nov 2026`, numbers with
 * the reader's decimal mark (`6,5`). For errors and questions alike.
 */
export function readable(t: Translate, params: Params, lang: Language): Params {
  return Object.fromEntries(
    Object.entries(params).map(([k, v]) => [
      k,
      typeof v === "number"
        ? num(v, lang)
        : isMessageKey(v)
          ? t(v, params)
          : /^\d{4}-\d{2}-\d{2}$/.test(v)
            ? formatDay(v, lang)
            : v,
    ]),
  );
}
