import type { Command } from "commander";
import type { GlobalOptions } from "./session.ts";

/**
 * Wraps a command's handler: commander passes the positional arguments, the command's options
 * and the command; the handler gets the arguments and every option, global ones included.
 */
// The type parameters state, at each command, what its arguments and options are; commander
// cannot check them, so they are used once here by design.
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
export function action<TArgs extends unknown[], TOptions extends object>(
  handler: (options: GlobalOptions & TOptions, ...args: TArgs) => Promise<void>,
) {
  return async (...params: unknown[]) => {
    const command = params.at(-1) as Command;
    const args = params.slice(0, -2) as TArgs;
    await handler(command.optsWithGlobals<GlobalOptions & TOptions>(), ...args);
  };
}
