import { z } from "zod";
import { Language } from "./core/model.ts";

/** The only reader of process.env. */
const Env = z.object({
  TAFEL_DATA_DIR: z.string().min(1).default("./data"),
  /** The pupil pseudonym key, 64 hex characters; without it one is generated into the data directory. */
  TAFEL_PUPIL_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, "TAFEL_PUPIL_KEY must be 64 hex characters (256 bits)")
    .optional(),
  TAFEL_LANGUAGE: Language.default("nl"),
  TAFEL_LOG_LEVEL: z.enum(["info", "error", "silent"]).default("info"),
});

export type Config = z.infer<typeof Env>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) throw new Error(`Ongeldige configuratie: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
