import type { Permission } from "../src/core/permissions.ts";
import type { ArgsOf, Command, CommandContext, Param, Result } from "./types.ts";

/** Declares a command once: the parser, help, forms and manifests all read this declaration. */
export function defineCommand<P extends Record<string, Param<unknown>>>(spec: {
  name: string;
  aliases?: readonly string[];
  summary: { nl: string; en: string };
  examples: readonly string[];
  params: P;
  open?: boolean;
  form?: boolean;
  files?: true;
  aboutCase?: true;
  takesOver?: Command["takesOver"];
  takesFile?: Command["takesFile"];
  may?: Permission | ((args: ArgsOf<P>) => Permission | null);
  run(ctx: CommandContext, args: ArgsOf<P>): Promise<Result>;
}): Command {
  return { aliases: [], ...spec } as unknown as Command;
}

export function usageOf(command: Command): string {
  return [command.name, ...Object.values(command.params).map((p) => p.usage)].join(" ");
}
