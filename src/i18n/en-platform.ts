import type { nlPlatform } from "./nl-platform.ts";

/** English words of the platform adapters: every key of the Dutch ones. */
export const enPlatform: Record<keyof typeof nlPlatform, string> = {
  "slack.andere-opdracht": "Tafel listens to /tafel. Type for example `/tafel help`.",
  "slack.export.file": "The export is in your direct messages with Tafel, as a file.",
  "kaart.verouderd":
    "This card or button is out of date, or Tafel could not read it. Type the command again, or open the case with `casus C-…`.",
  "teams.file.link":
    "📎 {file}: too large for a card. Download it below; the link works for 10 minutes, once.",
  "teams.file.none":
    "📎 {file}: too large for a card, and this Tafel cannot give files in Teams (the administrator sets TEAMS_PUBLIC_HOST). Ask for it in Slack or the console, or have the administrator turn it on.",
  "teams.file.download": "Download {file}",
  "teams.card.cut":
    "Cut short: not everything fits a Teams card. Ask for less (one case, a shorter period), or use `export` for everything as a file.",
  "slack.cut":
    "Cut short: {n} more lines do not fit a Slack message. Ask for less (e.g. `casussen mijn` or one case), or use `export` for everything as a file.",
  "slack.verouderd":
    "This card or button is out of date. Type the command again, or open the case with `casus C-…`.",
  "slack.pin.ask": "Which case does this decision belong to? Choose below.",
  "slack.home.title": "Tafel",
  "slack.home.tables": "My tables",
  "slack.home.none": "You are not a member of any table yet.",
  "slack.home.more": "… and {n} more: type mijn in the table's channel.",
  "slack.home.tables.more":
    "{n} more tables, with less work for you than those above: type mijn in their channel.",
  "draad.meldplichtig":
    "{id} must be reported: the school reports the absence to DUO. More in the thread of {id}.",
  "draad.regie-vrij": "{id} has no case lead any more: who takes regie? More in the thread of {id}.",
  "draad.vastgelopen": "{id} is stuck and heads the agenda. More in the thread of {id}.",
  "draad.geplaatst": "Posted in the thread of {id}.",
  "teams.form.open": "Open form",
  "teams.form.saved": "Saved.",
  "teams.form.answered": "The answer is in your chat with Tafel.",
  "teams.repeat": "This was already handled.",
  "teams.pupil.visible":
    "Not saved: everyone sees a pupil number in a channel message. Use the form, or the pupil key (L-…) or case (C-…). Please delete your message with the number.",
};
