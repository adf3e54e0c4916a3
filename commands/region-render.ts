import type { Told } from "../src/app/region-cases.ts";
import type { Route } from "../src/core/routing.ts";
import type { MessageKey } from "../src/i18n/index.ts";
import type { CommandContext, Post, Reply } from "./types.ts";

type Words = Pick<CommandContext, "t">;

/** The reasons of a route as sentences (`help routering C-n`). */
export function routeLines(w: Words, route: Route): string[] {
  return route.reasons.map((r) => {
    switch (r.key) {
      case "route.duty":
        return w.t(r.key, { duty: w.t(`duty.${r.duty}` as MessageKey) });
      case "route.office":
        return w.t(r.key, {
          municipality: r.municipality,
          office: r.office,
          qualification: r.qualification ? w.t("route.office.kwalificatie") : "",
        });
      case "route.rmc":
        return w.t(r.key, { office: r.office });
      case "route.gemeente-onbekend":
        return w.t(r.key, { municipality: r.municipality ?? "–" });
      case "route.serving":
        return w.t(r.key, { n: r.n });
      case "route.elders":
        return w.t(r.key);
      default:
        return w.t(r.key);
    }
  });
}

/** `help routering C-n`: why the case goes where it goes, and to whom. */
export function routeReply(
  ctx: Words,
  id: string,
  v: {
    route: Route;
    tableName: (id: string) => string;
    contact: { member: { handle: string }; tableId: string } | null;
  },
): Reply {
  const to = v.route.officers.map((s) => `@${s.member.handle} (${v.tableName(s.tableId)})`).join(", ");
  return {
    visibility: "private",
    title: ctx.t("routering.titel", { id }),
    blocks: [
      { type: "list", items: routeLines(ctx, v.route) },
      ...(to
        ? [{ type: "text" as const, text: ctx.t("route.naar", { who: to }) }]
        : v.contact
          ? [
              {
                type: "text" as const,
                text: ctx.t("route.naar.contact", {
                  who: `@${v.contact.member.handle} (${v.tableName(v.contact.tableId)})`,
                }),
              },
            ]
          : []),
    ],
  };
}

/** What the table hears when a case's competent officer sits elsewhere in the region: who was told, not what. */
export function routedPosts(
  ctx: Pick<CommandContext, "t" | "tableId">,
  caseId: string,
  told: readonly Told[],
): Post[] {
  if (told.length === 0) return [];
  const to = { kind: "table" as const, tableId: ctx.tableId };
  if (told.some((x) => x.reason === "niemand"))
    return [{ to, caseId, text: ctx.t("post.regio.niemand", { id: caseId }) }];
  const who = told.map((x) => `@${x.handle} (${x.table})`).join(", ");
  const key = told.every((x) => x.reason === "contact") ? "post.regio.contact" : "post.regio.doorgezet";
  return [{ to, caseId, text: ctx.t(key, { id: caseId, who }) }];
}
