import type { Command, FormField } from "../../commands/types.ts";
import type { Language } from "../../src/core/model.ts";
import type { Translate } from "../../src/i18n/index.ts";
import type { Card } from "./render.ts";

function input(
  id: string,
  field: FormField,
  label: string,
  optional: boolean,
  t: Translate,
  value?: string,
): Card {
  const base = { id, label, isRequired: !optional, ...(value ? { value } : {}) };
  switch (field.kind) {
    case "text":
      return {
        type: "Input.Text",
        ...base,
        isMultiline: field.multiline ?? false,
        maxLength: field.max ?? 500,
        placeholder: t("form.text.hint"),
      };
    case "number":
      return { type: "Input.Number", ...base, min: 0 };
    case "date":
    case "period":
      return { type: "Input.Date", ...base };
    case "choice":
      return {
        type: "Input.ChoiceSet",
        ...base,
        choices: field.options.map((o) => ({ title: o, value: o })),
      };
    case "choices":
      return {
        type: "Input.ChoiceSet",
        ...base,
        isMultiSelect: true,
        choices: field.options.map((o) => ({ title: o, value: o })),
      };
    case "member":
      return { type: "Input.Text", ...base, placeholder: "@naam" };
    case "id":
      return { type: "Input.Text", ...base, placeholder: field.placeholder, maxLength: 20 };
    case "pupil":
      return { type: "Input.Text", ...base, maxLength: 30, placeholder: t("form.pupil.hint") };
  }
}

/** The dialog's card, built from the command's own declaration; an error from the last try is shown on top. */
export function formCard(
  command: Command,
  lang: Language,
  t: Translate,
  values: Record<string, string> = {},
  error?: string,
  table?: string,
): Card {
  const body: Card[] = error ? [{ type: "TextBlock", text: error, wrap: true, color: "Attention" }] : [];
  for (const [name, p] of Object.entries(command.params)) {
    if (!p.form) continue;
    body.push(input(name, p.form, p.label[lang], p.optional, t, values[name]));
    if (p.form.kind === "period")
      body.push(input(`${name}__to`, p.form, t("form.period.to"), true, t, values[`${name}__to`]));
  }
  return {
    type: "AdaptiveCard",
    version: "1.5",
    body,
    actions: [
      {
        type: "Action.Submit",
        title: t("form.submit"),
        data: { tafelForm: command.name, ...(table ? { table } : {}) },
      },
    ],
  };
}

export const dialog = (title: string, card: Card) => ({
  task: {
    type: "continue",
    value: { title, card: { contentType: "application/vnd.microsoft.card.adaptive", content: card } },
  },
});

/**
 * The card with one button that opens the dialog: Teams opens dialogs only from a click. It names its table,
 * since it may sit in the person's own chat.
 */
export const openerCard = (
  form: string,
  label: string,
  prefill: Record<string, string> = {},
  table?: string,
): Card => ({
  type: "AdaptiveCard",
  version: "1.5",
  body: [],
  actions: [
    {
      type: "Action.Submit",
      title: label,
      data: { msteams: { type: "task/fetch" }, tafelForm: form, prefill, ...(table ? { table } : {}) },
    },
  ],
});
