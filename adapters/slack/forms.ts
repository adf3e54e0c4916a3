import { z } from "zod";
import { formLine } from "../../commands/form-line.ts";
import type { Command, FormField, Person } from "../../commands/types.ts";
import type { Language } from "../../src/core/model.ts";
import type { Translate } from "../../src/i18n/index.ts";
import { clip } from "./escape.ts";
import type { SlackBlock } from "./render.ts";

export const FORM_CALLBACK = "tafel_form";
/** The form's file field (`file_input`): no argument of a command is named so. */
export const FILE_BLOCK = "__bestand";

/** A form's own metadata (`private_metadata`), read back with zod: Slack returns it as given, but it is input. */
export const FormMeta = z.object({
  command: z.string().max(40),
  team: z.string().regex(/^[TE][A-Z0-9]{1,30}$/),
  channel: z.string().regex(/^[CGD][A-Z0-9]{1,30}$/),
});
export type FormMeta = z.infer<typeof FormMeta>;

const plain = (text: string) => ({ type: "plain_text", text: clip(text, 150) });

function element(field: FormField, t: Translate, initial: string | undefined): SlackBlock {
  const init = initial ? { initial_value: initial } : {};
  switch (field.kind) {
    case "text":
      return {
        type: "plain_text_input",
        action_id: "v",
        multiline: field.multiline ?? false,
        max_length: field.max ?? 500,
        ...init,
      };
    case "number":
      return { type: "number_input", action_id: "v", is_decimal_allowed: true, min_value: "0", ...init };
    case "date":
    case "period":
      return { type: "datepicker", action_id: "v", ...(initial ? { initial_date: initial } : {}) };
    case "choice":
      return {
        type: "static_select",
        action_id: "v",
        options: field.options.slice(0, 100).map((o) => ({ text: plain(o), value: o })),
        ...(initial ? { initial_option: { text: plain(initial), value: initial } } : {}),
      };
    case "choices":
      return {
        type: "multi_static_select",
        action_id: "v",
        options: field.options.slice(0, 100).map((o) => ({ text: plain(o), value: o })),
        ...(initial
          ? { initial_options: initial.split(",").map((o) => ({ text: plain(o), value: o })) }
          : {}),
      };
    case "member":
      return { type: "users_select", action_id: "v", ...(initial ? { initial_user: initial } : {}) };
    case "id":
      return {
        type: "plain_text_input",
        action_id: "v",
        placeholder: plain(field.placeholder),
        max_length: 20,
        ...init,
      };
    case "pupil":
      return {
        type: "plain_text_input",
        action_id: "v",
        max_length: 30,
        placeholder: plain(t("form.pupil.hint").slice(0, 150)),
      };
  }
}

/** A modal built from the command's own declaration: one input per argument, in the order the parser reads them. */
export function formView(
  command: Command,
  lang: Language,
  t: Translate,
  meta: FormMeta,
  prefill: Record<string, string> = {},
) {
  const blocks: SlackBlock[] = [];
  for (const [name, p] of Object.entries(command.params)) {
    if (!p.form) continue;
    const hint =
      p.form.kind === "pupil"
        ? { hint: plain(t("form.pupil.hint")) }
        : p.form.kind === "text"
          ? { hint: plain(t("form.text.hint")) }
          : {};
    blocks.push({
      type: "input",
      block_id: name,
      optional: p.optional,
      label: plain(p.label[lang]),
      element: element(p.form, t, prefill[name]),
      ...hint,
    });
    if (p.form.kind === "period")
      blocks.push({
        type: "input",
        block_id: `${name}__to`,
        optional: true,
        label: plain(t("form.period.to")),
        element: element(p.form, t, undefined),
      });
  }
  if (command.takesFile)
    blocks.push({
      type: "input",
      block_id: FILE_BLOCK,
      optional: true,
      label: plain(command.takesFile.label[lang]),
      element: { type: "file_input", action_id: "v", filetypes: [command.takesFile.ext], max_files: 1 },
    });
  return {
    type: "modal",
    callback_id: FORM_CALLBACK,
    private_metadata: JSON.stringify(meta),
    title: plain(clip(command.summary[lang].split(/[;:,(]/)[0] ?? command.name, 24)),
    submit: plain(t("form.submit")),
    close: plain(t("form.cancel")),
    blocks,
  };
}

/** A modal's state: per block the one input `v`, with the value its element type gives. */
export const ViewState = z.record(
  z.string().max(60),
  z.record(
    z.string().max(60),
    z.object({
      value: z.string().max(20_000).nullish(),
      selected_date: z.string().max(20).nullish(),
      selected_user: z.string().max(40).nullish(),
      selected_option: z.object({ value: z.string().max(200) }).nullish(),
      selected_options: z
        .array(z.object({ value: z.string().max(200) }))
        .max(100)
        .nullish(),
      files: z
        .array(
          z.object({
            name: z.string().max(300),
            url_private: z.string().max(2000),
            size: z.number().optional(),
          }),
        )
        .max(10)
        .nullish(),
    }),
  ),
);

type StateValues = z.infer<typeof ViewState>;

/** Slack's view state as plain values per field, then the one form-to-command-line reading. */
export function commandLine(
  command: Command,
  values: StateValues,
  handleOf: (userId: string) => string,
): { text: string; mentions: Map<string, Person> } {
  const plain: Record<string, string> = {};
  for (const [block, actions] of Object.entries(values)) {
    const v = actions.v;
    const raw =
      v?.value ??
      v?.selected_date ??
      v?.selected_option?.value ??
      v?.selected_user ??
      (v?.selected_options?.length ? v.selected_options.map((o) => o.value).join(",") : null);
    if (raw !== null) plain[block] = raw;
  }
  return formLine(command, plain, (id) => (/^[UW][A-Z0-9]+$/.test(id) ? { id, handle: handleOf(id) } : null));
}
