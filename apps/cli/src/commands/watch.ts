import type { TesseractClient } from "@tesseract/client";
import type { Command } from "commander";
import { action } from "../action.ts";
import { CliError, describeError } from "../errors.ts";
import { connect, resolveOrg, resolveProject } from "../session.ts";

/**
 * `live.project` as the server will declare it (an async generator of tracked events). Typed by
 * hand until the router has it; then `client.live.project` is typed from the router itself.
 */
interface LiveProjectClient {
  live?: {
    project?: {
      subscribe(
        input: { orgId: string; projectId: string; lastEventId?: string },
        handlers: {
          onData(event: { id: string; data: unknown }): void;
          onError(error: unknown): void;
          onStopped?(): void;
        },
      ): { unsubscribe(): void };
    };
  };
}

export function registerWatch(program: Command): void {
  program
    .command("watch <project>")
    .description("print the project's live events as they happen (Ctrl-C stops)")
    .action(
      action<[string], object>(async (options, ref) => {
        const session = await connect(options);
        const org = await resolveOrg(session, options);
        const project = await resolveProject(session, org.id, ref);
        const live = (session.client as TesseractClient & LiveProjectClient).live?.project;
        if (!live) throw new CliError("This client cannot subscribe to live events.");
        process.stderr.write(`Watching ${project.key}; Ctrl-C stops.\n`);
        await new Promise<void>((resolve, reject) => {
          const subscription = live.subscribe(
            { orgId: org.id, projectId: project.id },
            {
              onData: ({ id, data }) => {
                const line = options.json
                  ? JSON.stringify({ id, data })
                  : `${id}  ${summary(data)}`;
                process.stdout.write(`${line}\n`);
              },
              onError: (error) => {
                reject(new CliError(noLiveEvents(error) ?? describeError(error, session.url)));
              },
              onStopped: resolve,
            },
          );
          process.once("SIGINT", () => {
            subscription.unsubscribe();
            resolve();
          });
        });
      }),
    );
}

function summary(data: unknown): string {
  if (data && typeof data === "object" && "type" in data) {
    const { type, ...rest } = data;
    return `${String(type)} ${JSON.stringify(rest)}`;
  }
  return JSON.stringify(data);
}

/** A server without `live.project` answers the event stream 404 (or a NOT_FOUND error). */
function noLiveEvents(error: unknown): string | undefined {
  for (let e = error as Failure | undefined, depth = 0; e && depth < 5; e = e.cause, depth++) {
    if (e.data?.code === "NOT_FOUND" || e.code === 404 || e.message?.includes("(404)")) {
      return "This server has no live events (live.project): upgrade it to a release with live updates.";
    }
  }
  return undefined;
}

interface Failure {
  data?: { code?: string };
  code?: unknown;
  message?: string;
  cause?: Failure;
}
