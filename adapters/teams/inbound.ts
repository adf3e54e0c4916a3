import { z } from "zod";

/**
 * What Teams sends, parsed at the edge: the fields Tafel reads, each bounded; the rest is dropped. A payload of
 * another shape is logged by kind and answered politely (`parseInbound`), never handed on or thrown.
 */
const Mention = z.object({
  type: z.literal("mention"),
  text: z.string().max(300),
  mentioned: z.object({ id: z.string().min(1).max(200), name: z.string().max(200).optional() }),
});
type Mention = z.infer<typeof Mention>;

export const InboundMessage = z.object({
  id: z.string().max(300).optional(),
  serviceUrl: z.string().max(500).optional(),
  text: z.string().max(20_000).optional(),
  from: z.object({ id: z.string().min(1).max(200), name: z.string().max(200).optional() }),
  conversation: z.object({
    id: z.string().min(1).max(500),
    tenantId: z.string().max(100).optional(),
    conversationType: z.string().max(40).optional(),
  }),
  channelData: z.object({ tenant: z.object({ id: z.string().max(100).optional() }).optional() }).optional(),
  // Other entities (clientInfo, …) have shapes of their own: only mentions are kept.
  entities: z
    .array(z.unknown())
    .max(100)
    .optional()
    .transform((list) =>
      (list ?? []).flatMap((e): Mention[] => {
        const m = Mention.safeParse(e);
        return m.success ? [m.data] : [];
      }),
    ),
});
export type InboundMessage = z.infer<typeof InboundMessage>;

/** What the tenant and service URL check reads, before anything else: every field optional, so nothing throws. */
export const EdgeFields = z.object({
  serviceUrl: z.string().optional(),
  channelId: z.string().max(50).optional(),
  conversation: z.object({ tenantId: z.string().optional() }).optional(),
  channelData: z.object({ tenant: z.object({ id: z.string().optional() }).optional() }).optional(),
});

const formValues = z.record(z.string().max(60), z.string().max(20_000));

/** A card button (Action.Execute): the command line it runs and the table it belongs to. */
export const CardAction = InboundMessage.extend({
  value: z.object({
    action: z.object({
      data: z.object({ run: z.string().max(2_000).optional(), table: z.string().max(300).optional() }),
    }),
  }),
});

/** A button that opens a command's dialog. */
export const DialogOpen = InboundMessage.extend({
  value: z.object({
    data: z.object({
      tafelForm: z.string().max(40),
      prefill: formValues.optional(),
      table: z.string().max(300).optional(),
    }),
  }),
});

/** A dialog's answers: every field a string, as Adaptive Cards send them. */
export const DialogSubmit = InboundMessage.extend({
  value: z.object({ data: formValues }),
});

/** The message action "Vastleggen als besluit": the message's HTML and the case typed for it. */
export const MessageAction = InboundMessage.extend({
  value: z.object({
    commandId: z.string().max(100),
    data: z.object({ id: z.string().max(30).optional() }).optional(),
    messagePayload: z
      .object({ body: z.object({ content: z.string().max(100_000).optional() }).optional() })
      .optional(),
  }),
});

/** The parsed payload, or null after logging its kind: the caller answers politely. */
export function parseInbound<S extends z.ZodType>(
  schema: S,
  activity: unknown,
  kind: string,
  log: (event: string, fields: Record<string, string>) => void,
): z.infer<S> | null {
  const parsed = schema.safeParse(activity);
  if (parsed.success) return parsed.data;
  log("teams-unexpected-shape", { kind, code: parsed.error.issues[0]?.code ?? "invalid" });
  return null;
}
