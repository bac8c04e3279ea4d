import type { RouterOutputs } from "@tesseract/client";
import type { Command } from "commander";
import { action } from "../action.ts";
import { CliError, describeError } from "../errors.ts";
import { connect, resolveOrg, resolveProject } from "../session.ts";

export function registerWatch(program: Command): void {
  program
    .command("watch <project>")
    .description("print the project's live events as they happen (Ctrl-C stops)")
    .action(
      action<[string], object>(async (options, ref) => {
        const session = await connect(options);
        const org = await resolveOrg(session, options);
        const project = await resolveProject(session, org.id, ref);
        const live = session.client.live.project;
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

type LiveEvent =
  RouterOutputs["live"]["project"] extends AsyncIterable<infer E>
    ? E extends { data: infer D }
      ? D
      : E
    : never;

/** One line per event: what happened, to which task, by whom. */
function summary(data: unknown): string {
  const event = data as Partial<LiveEvent> & { type?: string };
  const by = event.actor?.name ? ` (${event.actor.name})` : "";
  if (event.type?.startsWith("task.") && "task" in event && event.task) {
    const task = event.task as { key: string; title: string; status: string };
    return `${event.type} ${task.key} "${task.title}" [${task.status}]${by}`;
  }
  const { type = "event", ...rest } = event as Record<string, unknown>;
  return `${String(type)} ${JSON.stringify(rest)}`;
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
