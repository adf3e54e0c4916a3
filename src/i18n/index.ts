import type { Language } from "../core/model.ts";
import type { Params } from "../core/result.ts";
import { en } from "./en.ts";
import { type MessageKey, nl } from "./nl.ts";

export type { MessageKey } from "./nl.ts";
export type Translate = (key: MessageKey, params?: Params) => string;

const catalogues: Record<Language, Record<MessageKey, string>> = { nl, en };

/**
 * The words a region chose for a function (issue #30, [003 L341]): its officer may be a leerrechtconsulent. In
 * Dutch only; an English reader keeps the catalogue's word.
 */
export interface Titles {
  officer?: string;
}

export function translator(lang: Language, titles: Titles = {}): Translate {
  const catalogue = catalogues[lang];
  const officer = lang === "nl" ? titles.officer : undefined;
  return (key, params = {}) =>
    (officer !== undefined && key === "role.leerplichtambtenaar" ? officer : catalogue[key]).replace(
      /\{(\w[\w-]*)\}/g,
      (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole),
    );
}

/** Own keys only: a user's word such as `constructor` is never taken for a message. */
export const isMessageKey = (key: string): key is MessageKey => Object.hasOwn(nl, key);
