import type { Language } from "../core/model.ts";
import type { Params } from "../core/result.ts";
import { en } from "./en.ts";
import { type MessageKey, nl } from "./nl.ts";

export type { MessageKey } from "./nl.ts";
export type Translate = (key: MessageKey, params?: Params) => string;

const catalogues: Record<Language, Record<MessageKey, string>> = { nl, en };

export function translator(lang: Language): Translate {
  const catalogue = catalogues[lang];
  return (key, params = {}) =>
    catalogue[key].replace(/\{(\w[\w-]*)\}/g, (whole, name: string) =>
      Object.hasOwn(params, name) ? String(params[name]) : whole,
    );
}

/** Own keys only: a user's word such as `constructor` is never taken for a message. */
export const isMessageKey = (key: string): key is MessageKey => Object.hasOwn(nl, key);
