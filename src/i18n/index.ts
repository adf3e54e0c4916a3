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
      name in params ? String(params[name]) : whole,
    );
}

export const isMessageKey = (key: string): key is MessageKey => key in nl;
