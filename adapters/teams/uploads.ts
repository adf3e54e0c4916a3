import type { IFilesAccessor } from "@microsoft/teams.apps";
import { z } from "zod";
import { type DispatchDeps, dispatch, errorText } from "../../commands/dispatch.ts";
import { languageOf } from "../../commands/language.ts";
import { findCommand } from "../../commands/list/help.ts";
import { COMMANDS } from "../../commands/registry.ts";
import { sentFileRefusal, sentFileText } from "../../commands/sent-file.ts";
import type { Invocation, Outcome } from "../../commands/types.ts";
import { may } from "../../src/core/permissions.ts";
import type { DomainError } from "../../src/core/result.ts";
import { memberById } from "../../src/core/table.ts";
import { translator } from "../../src/i18n/index.ts";
import type { Store, TableRef } from "../../src/ports.ts";

/**
 * Where Teams keeps a file sent to a bot: the sender's OneDrive or SharePoint. The activity is signed by Teams, so
 * its download URL is Teams'; the host is checked all the same, so a file is never fetched from anywhere else.
 */
const STORAGE_HOST = /(?:^|\.)sharepoint(?:-df)?\.(?:com|us|de|cn)$/i;
const Raw = z.object({ content: z.object({ downloadUrl: z.string().max(4000) }) });
/** Teams' pre-authorised download URL lasts minutes: a fetch that takes longer has failed. */
const FETCH_MS = 20_000;

const FIGURES = findCommand(COMMANDS, "cijfers");

/**
 * A figures file sent in the person's own chat with Tafel (issue #28): the only place a Teams bot receives a file.
 * The chat belongs to no table, so the table is the one the person delivers figures to; at several, the one the
 * message names (`cijfers Triage Druten`), else they are asked which. Null: the message carried no file.
 */
export async function figuresFromChat(
  deps: { store: Store; dispatch: DispatchDeps },
  inv: Invocation,
  files: IFilesAccessor,
): Promise<{ outcome: Outcome; table: string } | null> {
  const sent = await files.list();
  const [file] = sent;
  if (!file || !FIGURES) return null;
  const refuse = async (error: DomainError, table = inv.conversation) => {
    const lang = await languageOf(deps.store, table, deps.dispatch.defaultLanguage);
    const text = errorText(translator(lang), error, lang);
    return {
      outcome: {
        reply: { visibility: "private" as const, blocks: [{ type: "text" as const, text }], error },
        posts: [],
        echo: "",
      },
      table,
    };
  };
  const refused = sentFileRefusal(
    FIGURES,
    sent.map((f) => ({ name: f.name })),
  );
  if (refused) return refuse(refused);
  const chosen = await tableFor(deps.store, inv);
  if ("error" in chosen) return refuse(chosen.error);
  const raw = Raw.safeParse(file.raw);
  const url =
    raw.success && URL.canParse(raw.data.content.downloadUrl) ? new URL(raw.data.content.downloadUrl) : null;
  if (url?.protocol !== "https:" || !STORAGE_HOST.test(url.hostname))
    return refuse({ code: "bestand-onleesbaar", params: {} }, chosen.table.conversation);
  const stream = await file.stream({ signal: AbortSignal.timeout(FETCH_MS) }).catch(() => null);
  const read = stream
    ? await sentFileText(FIGURES, file.name, new Response(stream))
    : { error: { code: "bestand-onleesbaar", params: {} } };
  if ("error" in read) return refuse(read.error, chosen.table.conversation);
  const outcome = await dispatch(deps.dispatch, {
    ...inv,
    text: FIGURES.name,
    conversation: chosen.table.conversation,
    file: read.file,
  });
  return { outcome, table: chosen.table.conversation };
}

/** The table a file in the personal chat is for: of the tables where the person may deliver figures. */
async function tableFor(
  store: Store,
  inv: Invocation,
): Promise<{ table: TableRef } | { error: DomainError }> {
  const mine: TableRef[] = [];
  for (const ref of await store.tablesOf(inv.actor.id))
    if (may(memberById(await store.read(ref.id), inv.actor.id), "cijfers-aanleveren")) mine.push(ref);
  // What the message says beside the file: a table's name or id, after an optional `cijfers`.
  const named = inv.text
    .replace(/^cijfers\b/i, "")
    .trim()
    .toLocaleLowerCase("nl");
  const fits = named ? mine.filter((t) => t.id === named || t.name.toLocaleLowerCase("nl") === named) : mine;
  const [only] = fits.length === 1 ? fits : mine.length === 1 ? mine : [];
  if (only) return { table: only };
  if (mine.length === 0) return { error: { code: "teams-bestand-geen-tafel", params: {} } };
  return {
    error: {
      code: "teams-bestand-welke-tafel",
      params: { tables: mine.map((t) => t.name).join(", "), first: mine[0]?.name ?? "" },
    },
  };
}
