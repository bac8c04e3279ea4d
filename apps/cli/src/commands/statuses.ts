import type { RouterInputs, RouterOutputs } from "@tesseract/client";
import type { Command } from "commander";
import { action } from "../action.ts";
import { CliError } from "../errors.ts";
import { print, table } from "../output.ts";
import { connect, resolveOrg, resolveProject, type Session } from "../session.ts";

type ProjectStatus = RouterOutputs["status"]["list"][number];
type Category = NonNullable<RouterInputs["task"]["move"]["status"]>;

/** The five categories every workflow has, as `--status` also takes them (its first status). */
export const CATEGORIES: readonly Category[] = [
  "backlog",
  "todo",
  "in_progress",
  "done",
  "canceled",
];

/** A workflow category as `--status` spells it. */
const CATEGORY_OF: Record<ProjectStatus["category"], Category> = {
  backlog: "backlog",
  unstarted: "todo",
  started: "in_progress",
  completed: "done",
  canceled: "canceled",
};

/** `--status` in a task write: one of the project's statuses by id, or a category. */
export type StatusChoice = { statusId: string } | { status: Category };

const byName = (statuses: readonly ProjectStatus[], name: string) => {
  const wanted = name.trim().toLowerCase();
  return statuses.find((s) => s.name.toLowerCase() === wanted || s.id === name.trim());
};
const isCategory = (value: string): value is Category =>
  (CATEGORIES as readonly string[]).includes(value.trim().toLowerCase());

function unknownStatus(name: string, projectKey: string): CliError {
  return new CliError(
    `No status "${name}" in ${projectKey}: run \`tesseract statuses ${projectKey}\` to list them, or name a category (${CATEGORIES.join(", ")}).`,
  );
}

/**
 * What `--status` names in a project: a status of its workflow by name (case aside) or id, else
 * a category. A name wins over a category, so `--status todo` picks a status named "Todo" even
 * when another status comes first in its category.
 */
export async function resolveStatusChoice(
  session: Session,
  orgId: string,
  project: { id: string; key: string },
  name: string,
): Promise<StatusChoice> {
  const statuses = await session.client.status.list.query({ orgId, projectId: project.id });
  const status = byName(statuses, name);
  if (status) return { statusId: status.id };
  const category = name.trim().toLowerCase();
  if (isCategory(category)) return { status: category };
  throw unknownStatus(name, project.key);
}

/**
 * `tasks list --status a,b`: with a project, each name or category becomes its statuses (one
 * `statusIds` filter, so names and categories mix); across projects only categories mean anything.
 */
export async function statusFilter(
  session: Session,
  orgId: string,
  project: { id: string; key: string } | undefined,
  names: readonly string[],
): Promise<{ statusIds: string[] } | { status: Category[] }> {
  if (!project) {
    const unknown = names.find((name) => !isCategory(name));
    if (unknown !== undefined)
      throw new CliError(
        `"${unknown}" is not a category (${CATEGORIES.join(", ")}): add --project to filter by a project's statuses.`,
      );
    return { status: names.map((name) => name.trim().toLowerCase() as Category) };
  }
  const statuses = await session.client.status.list.query({ orgId, projectId: project.id });
  const ids = names.flatMap((name) => {
    const status = byName(statuses, name);
    if (status) return [status.id];
    const category = name.trim().toLowerCase();
    if (!isCategory(category)) throw unknownStatus(name, project.key);
    return statuses.filter((s) => CATEGORY_OF[s.category] === category).map((s) => s.id);
  });
  return { statusIds: [...new Set(ids)] };
}

export function registerStatuses(program: Command): void {
  program
    .command("statuses <project>")
    .description("a project's statuses (its board's columns), in order")
    .action(
      action<[string], object>(async (options, ref) => {
        const session = await connect(options);
        const org = await resolveOrg(session, options);
        const project = await resolveProject(session, org.id, ref);
        const statuses = await session.client.status.list.query({
          orgId: org.id,
          projectId: project.id,
        });
        print(options, statuses, () =>
          table([
            ["NAME", "CATEGORY", "TASKS"],
            ...statuses.map((s) => [s.name, CATEGORY_OF[s.category], String(s.taskCount)]),
          ]),
        );
      }),
    );
}
