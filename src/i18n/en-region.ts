import type { nlRegion } from "./nl-region.ts";

export const enRegion: Record<keyof typeof nlRegion, string> = {
  "regio.eigen":
    'This table is a region of its own: nothing is shared with other tables. Set up a region with `regio nieuw "<name>"`, or join one that invited you with `regio aansluiten <region>`.',
  "regio.titel": "Region {name} ({id})",
  "regio.tafels": "Tables: {tables}",
  "regio.uitgenodigd": "Invited: {tables}",
  "regio.vakantie": "Holiday region: {region}",
  "regio.functienaam": "Title of the school attendance officer: {title}",
  "regio.gemeente": "{name}: {office}",
  "regio.gemeente.kwalificatie": "{name}: {office}; qualification duty (16–17): {qualification}",
  "regio.rmc": "RMC (18–23): {office}",
  "regio.contact": "Contact when nobody is competent: {who}",
  "regio.doorbraak": "Doorbraak table: {table}",
  "regio.jbt.direct": "The JBT: attendance officers ask it directly.",
  "regio.jbt.sociaal-team": "The JBT: attendance officers go through the social team.",
  "regio.beleid": "Region policy: {settings}",
  "regio.vast": "Tables may not set themselves: {keys}",
  "regio.niet-gezet": "not set",
  "regio.wijzigingen": "Latest changes",
  "regio.gewijzigd": "Region {name} changed: {change}. This holds for all its tables at once.",
  "regio.gedaan.nieuw":
    "Region {name} is set up ({id}); this table is its first. Invite other tables with `regio uitnodigen <table>`.",
  "regio.gedaan.uitnodigen":
    "Table {subject} is invited to region {name}. Its chair joins with `regio aansluiten {id}`.",
  "regio.gedaan.aansluiten":
    "This table now belongs to region {name}: its policy, titles and routing apply here.",
  "regio.gedaan.gemeente": "Region {name}: the offices for {subject} are recorded.",
  "regio.meegedaan": "You take part in {id} at table {table}. Open the case there.",
  "regio.bericht.bevoegd": "Case {id} at table {table} is for your office ({office}). Join with `{line}`.",
  "regio.bericht.contact":
    "Case {id} at table {table} has no competent officer in the region ({office}). As the region's contact: join with `{line}` or name someone.",
  "regio.bericht.doorbraak":
    "Case {id} of table {table} was handed to this doorbraak table, with its history. Join with `{line}`.",
  "post.regio.doorgezet":
    "{id} was passed to the competent office elsewhere in the region: {who}. They are told and can join.",
  "help.routering":
    "Routing (FR-03): a case goes to the office competent for the pupil's municipality and age. Under 16: the municipality's attendance office; 16–17 (qualification duty): the office the municipality names for it; 18+: the RMC. The region records this with `regio gemeente <name> kantoor=… kwalificatie=…`. When the competent officer sits at another table of the region, they are told and join; when nobody is known, the region's contact. `help routering C-3` shows one case's route.",
  "post.regio.niemand":
    "For {id} no competent officer is known in the region, and the region has no contact. Chair: set one with `regio contact=@…`, or add the office's officer.",
  "regio.bericht.contact.hier":
    "Case {id} at this table has no competent officer in the region ({office}). As the region's contact: name someone.",
  "post.regio.contact":
    "For {id} no competent officer is known in the region: the region's contact gets it, {who}.",
  "button.meedoen": "Join {id}",
  "doorbraak.overgedragen":
    "Case {id} was handed to doorbraak table {table}. It stays one case, here; the doorbraak table joins it.",
  "tl.casus.doorbraak": "Handed to the region's doorbraak table (@{by})",
  "tl.regio.meedoen": "@{by} joins from another table of the region",
  "card.doorbraak.label": "Doorbraak table",
  "card.doorbraak": "Handed to doorbraak table {table} (@{who}, {date})",
  "reply.casussen.elders": "Of another municipality (no content): {ids}",
  "besluit.buiten-kaders": "beyond the existing frameworks",
  "besluit.mandaat": "mandate: {text}",
  "besluit.budget": "budget: {text}",
  "beleid.bron.regio": "region",
  "beleid.bron.regio-vast": "region, fixed",
  "routering.titel": "Routing of {id}",
  "route.duty": "Duty: {duty}.",
  "route.office": "{municipality}: {office}{qualification}.",
  "route.office.kwalificatie": " (office for the qualification duty)",
  "route.rmc": "18 or older: the RMC, {office}.",
  "route.geen-rmc": "18 or older: the region names no RMC.",
  "route.gemeente-onbekend": "The region names no office for {municipality}.",
  "route.serving": "Who serves the pupil's municipality: {n}.",
  "route.elders": "The competent officer sits at another table of the region: they are told and can join.",
  "route.contact": "No competent officer known: the region's contact gets it.",
  "route.niemand":
    "No competent officer known and the region has no contact: set one with `regio contact=@…`.",
  "route.naar": "To: {who}",
  "route.naar.contact": "To the region's contact: {who}",
  "duty.volledig": "full compulsory education",
  "duty.kwalificatie": "qualification duty (16–17)",
  "duty.geen": "no duty any more (18+)",
  "duty.onbekend": "unknown (age not recorded)",
  "err.regio-al": "Table {table} already belongs to a region.",
  "err.regio-bestaat": "There is a region named {name} already. Choose another name, or join it.",
  "err.geen-regio": 'This table belongs to no region yet. Set one up with `regio nieuw "<name>"`.',
  "err.regio-alleen-voorzitter": "Only the chair of one of the region's tables changes the region.",
  "err.tafel-onbekend": "Table {id} does not exist. The region's tables are listed by `regio`.",
  "err.regio-niet-uitgenodigd":
    "This table was not invited to region {id}. Ask a chair there for `regio uitnodigen <this table>`.",
  "err.regio-gemeente-onbekend": "The region does not know municipality {name}.",
  "err.regio-tafel-niet": "Table {id} is not one of this region's.",
  "err.regio-zelfde-tafel": "That is this table itself.",
  "err.regio-niet-bevoegd":
    "You are not competent for {id}: the case is another office's, and was not handed to your table.",
  "err.geen-doorbraaktafel":
    "The region has no doorbraak table. Set it with `regio doorbraaktafel=<table>` (chair).",
  "err.doorbraak-niet-vastgelopen":
    'Case {id} is not marked stuck. Do that first: `vastgelopen {id} "reason"`.',
  "err.doorbraak-al": "Case {id} was handed to doorbraak table {table} already.",
  "err.regio-meedoen-hoe": "Say which table and which case: `regio meedoen <table> C-…`.",
  "err.regio-naam-ontbreekt": "Say which: `regio {action} <name>`.",
  "err.beleid-regio-vast":
    "Region {region} fixes {key} for all its tables; a table or school does not change it. Ask the region.",
  "err.casus-andere-gemeente":
    "Case {id} is of another municipality: another office is competent, so you do not see its content.",
  "err.besluit-kaders-doorbraak":
    "A decision beyond the existing frameworks belongs to the doorbraak table: {id} was not handed to it (doorbraak {id}).",
  "err.civiel-jbt-sociaal-team":
    "In region {region} attendance officers do not ask the JBT themselves: that goes through the social team. Record via=rvdk, or have the social team ask the JBT.",
  "err.besluit-kaders":
    "A mandate or budget belongs to a decision beyond the existing frameworks: add kaders=buiten.",
};
