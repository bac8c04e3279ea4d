import type { RouterInputs, RouterOutputs } from "@tesseract/client";
import { Option, type Command } from "commander";
import { action } from "../action.ts";
import { resolveLabels } from "./labels.ts";
import { CATEGORIES, resolveStatusChoice, statusFilter } from "./statuses.ts";
import { print, table } from "../output.ts";
import {
  connect,
  resolveOrg,
  resolveProject,
  type GlobalOptions,
  type Session,
} from "../session.ts";

type Task = RouterOutputs["task"]["get"];
type Priority = NonNullable<RouterInputs["task"]["create"]["priority"]>;

const PRIORITIES = ["none", "low", "medium", "high", "urgent"];
// Checked against the project's workflow once the project is known (resolveStatusChoice).
const statusOption = () =>
  new Option(
    "--status <status>",
    `a status of the project by name (see \`tesseract statuses\`), or a category: ${CATEGORIES.join(", ")}`,
  );
const priorityOption = () => new Option("--priority <priority>", "priority").choices(PRIORITIES);
const collect = (value: string, previous: string[] = []) => [...previous, value];

const taskLines = (tasks: Task[]) =>
  table([
    ["KEY", "STATUS", "PRIORITY", "TITLE"],
    ...tasks.map((t) => [t.key, t.statusName, t.priority, t.title]),
  ]);

async function orgAndTask(options: { org?: string }, session: Session, ref: string) {
  const org = await resolveOrg(session, options);
  const task = await session.client.task.get.query({ orgId: org.id, ref });
  return { org, task };
}

/** The organization, and `{ projectId }` when --project names one (else no filter). */
async function scope(options: GlobalOptions & { project?: string }) {
  const session = await connect(options);
  const org = await resolveOrg(session, options);
  const project = options.project
    ? await resolveProject(session, org.id, options.project)
    : undefined;
  return { session, org, project, projectFilter: project ? { projectId: project.id } : {} };
}

interface TaskFields {
  title?: string;
  description?: string;
  status?: string;
  priority?: Priority;
  due?: string;
  label?: string[];
}

/**
 * The fields to send; label names become the organization's label ids, a status name one of
 * the project's statuses.
 */
const fieldsOf = async (
  o: TaskFields,
  session: Session,
  orgId: string,
  project: { id: string; key: string },
) => ({
  ...(o.title !== undefined && { title: o.title }),
  ...(o.description !== undefined && { description: o.description }),
  ...(o.status !== undefined && (await resolveStatusChoice(session, orgId, project, o.status))),
  ...(o.priority !== undefined && { priority: o.priority }),
  ...(o.due !== undefined && { dueDate: o.due === "none" ? null : o.due }),
  ...(o.label !== undefined && {
    labelIds: (await resolveLabels(session, orgId, o.label)).map((label) => label.id),
  }),
});

function withFields(command: Command): Command {
  return command
    .option("--description <text>", "description (Markdown)")
    .addOption(statusOption())
    .addOption(priorityOption())
    .option("--due <date>", "due date, YYYY-MM-DD (`none` clears it)")
    .option("--label <name>", "a label by name (repeat for more)", collect);
}

export function registerTasks(program: Command): void {
  const tasks = program.command("tasks").description("list, show, create, change and find tasks");

  tasks
    .command("list")
    .description("tasks, newest first")
    .option("--project <key>", "only this project's")
    .option(
      "--status <statuses>",
      "only these statuses, comma-separated: the project's by name (with --project), or categories",
    )
    .option("--limit <n>", "at most this many (1–100)", "50")
    .action(
      action<[], { project?: string; status?: string; limit: string }>(async (options) => {
        const { session, org, project, projectFilter } = await scope(options);
        const page = await session.client.task.list.query({
          orgId: org.id,
          ...projectFilter,
          ...(options.status &&
            (await statusFilter(session, org.id, project, options.status.split(",")))),
          limit: Number(options.limit),
        });
        print(options, page, () => taskLines(page.items));
      }),
    );

  tasks
    .command("show <task>")
    .description("one task, by key (ENG-42) or id")
    .action(
      action<[string], object>(async (options, ref) => {
        const { task } = await orgAndTask(options, await connect(options), ref);
        print(options, task, () => [
          `${task.key}  ${task.title}`,
          `status ${task.statusName} (${task.status}) · priority ${task.priority} · assignee ${task.assigneeName ?? "none"} · due ${task.dueDate ?? "none"}`,
          ...(task.labels.length > 0
            ? [`labels ${task.labels.map((label) => label.name).join(", ")}`]
            : []),
          ...(task.description ? ["", task.description] : []),
        ]);
      }),
    );

  withFields(
    tasks
      .command("create")
      .description("a new task")
      .requiredOption("--project <key>", "the project (key or id)")
      .requiredOption("--title <title>", "title"),
  ).action(
    action<[], TaskFields & { project: string; title: string }>(async (options) => {
      const session = await connect(options);
      const org = await resolveOrg(session, options);
      const project = await resolveProject(session, org.id, options.project);
      const task = await session.client.task.create.mutate({
        orgId: org.id,
        projectId: project.id,
        title: options.title,
        ...(await fieldsOf(options, session, org.id, project)),
      });
      print(options, task, () => [`Created ${task.key}: ${task.title}`]);
    }),
  );

  withFields(
    tasks.command("update <task>").description("change a task's fields").option("--title <title>"),
  ).action(
    action<[string], TaskFields>(async (options, ref) => {
      const session = await connect(options);
      const { org, task } = await orgAndTask(options, session, ref);
      const project = { id: task.projectId, key: task.key.split("-")[0] ?? task.key };
      const updated = await session.client.task.update.mutate({
        orgId: org.id,
        taskId: task.id,
        ...(await fieldsOf(options, session, org.id, project)),
      });
      print(options, updated, () => [`Updated ${updated.key}`]);
    }),
  );

  tasks
    .command("move <task>")
    .description("put a task in a column, optionally after or before another")
    .addOption(statusOption().makeOptionMandatory())
    .option("--after <task>", "place it after this task")
    .option("--before <task>", "place it before this task")
    .action(
      action<[string], { status: string; after?: string; before?: string }>(
        async (options, ref) => {
          const session = await connect(options);
          const { org, task } = await orgAndTask(options, session, ref);
          const project = { id: task.projectId, key: task.key.split("-")[0] ?? task.key };
          const idOf = async (other?: string) =>
            other ? (await orgAndTask(options, session, other)).task.id : undefined;
          const moved = await session.client.task.move.mutate({
            orgId: org.id,
            taskId: task.id,
            ...(await resolveStatusChoice(session, org.id, project, options.status)),
            afterId: await idOf(options.after),
            beforeId: await idOf(options.before),
          });
          print(options, moved, () => [`Moved ${moved.key} to ${moved.statusName}`]);
        },
      ),
    );

  tasks
    .command("search <query>")
    .description('full-text search: words, "phrases", -exclusions')
    .option("--project <key>", "only this project's")
    .action(
      action<[string], { project?: string }>(async (options, query) => {
        const { session, org, projectFilter } = await scope(options);
        const hits = await session.client.task.search.query({
          orgId: org.id,
          query,
          ...projectFilter,
        });
        const text = (parts: { text: string }[]) => parts.map((p) => p.text).join("");
        print(options, hits, () =>
          table([
            ["KEY", "STATUS", "TITLE"],
            ...hits.map((hit) => [hit.key, hit.status, text(hit.title)]),
          ]),
        );
      }),
    );
}
