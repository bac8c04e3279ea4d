import { TRPCError } from "@trpc/server";
import type { DomainEvent, PresenceScope } from "@tesseract/validators";
import { can } from "../auth/permissions.ts";
import { getAttachment } from "../domain/attachments.ts";
import { getExport } from "../domain/exports.ts";
import { getProject } from "../domain/projects.ts";
import { getTask } from "../domain/tasks.ts";
import type { OrgAccess } from "../trpc.ts";
import { orgAccessCheck, signedInCheck } from "./authorize.ts";
import { presenceEvents } from "./presence.ts";
import { orgStream, personStream } from "./publish.ts";
import { liveEvents, withClientErrors, type LiveContext } from "./stream.ts";

/** What every subscription procedure hands over: its context (with the org, if any) and signal. */
type OrgSubscription = LiveContext & { org: OrgAccess };
type Resume = { lastEventId?: string | null | undefined };

const projectOf = (event: DomainEvent): string | undefined =>
  "task" in event
    ? event.task.projectId
    : "projectId" in event
      ? event.projectId
      : "project" in event
        ? event.project.id
        : undefined;

const taskOf = (event: DomainEvent): string | undefined =>
  "task" in event ? event.task.id : "taskId" in event ? (event.taskId ?? undefined) : undefined;

/** A label's change shows on every board and task page of the organization. */
const isLabelEvent = (event: DomainEvent): boolean => event.type.startsWith("label.");

function orgScoped(ctx: OrgSubscription, signal: AbortSignal | undefined) {
  const { orgId } = ctx.org;
  return {
    key: orgStream(orgId),
    orgId,
    authorize: orgAccessCheck(ctx, orgId, "task.read"),
    signal,
  };
}

/**
 * Where the organization's stream stands (the stream live.org, live.project and live.task
 * read). A page reads it before its data: its subscription, opened with it as `lastEventId`,
 * then replays whatever changed after the read, so nothing falls between the two.
 */
export async function organizationPosition(ctx: OrgSubscription) {
  return { lastEventId: await ctx.services.live.bus.position(orgStream(ctx.org.orgId)) };
}

/** Everything in the organization (presence aside). */
export function organizationEvents(ctx: OrgSubscription, input: Resume, signal?: AbortSignal) {
  return liveEvents(ctx, {
    ...orgScoped(ctx, signal),
    lastEventId: input.lastEventId,
    accept: (event) => event.type !== "presence",
  });
}

/** One project's board and list: its tasks, their comments, the project itself. */
export async function projectEvents(
  ctx: OrgSubscription,
  input: Resume & { projectId: string },
  signal?: AbortSignal,
) {
  // Refused (NOT_FOUND) before the stream opens when the project is not this organization's:
  // checked here, not in the generator, so the procedure's error mapping applies.
  await getProject(ctx.services.db, ctx.org.orgId, input.projectId);
  return liveEvents(ctx, {
    ...orgScoped(ctx, signal),
    lastEventId: input.lastEventId,
    accept: (event) => projectOf(event) === input.projectId || isLabelEvent(event),
  });
}

/** One task's page: its changes, comments and files. */
export async function taskEvents(
  ctx: OrgSubscription,
  input: Resume & { taskId: string },
  signal?: AbortSignal,
) {
  await getTask(ctx.services.db, ctx.org.orgId, input.taskId);
  return liveEvents(ctx, {
    ...orgScoped(ctx, signal),
    lastEventId: input.lastEventId,
    accept: (event) => taskOf(event) === input.taskId || isLabelEvent(event),
  });
}

/** One export's or attachment's progress. An export is for those who may export. */
export async function jobEvents(
  ctx: OrgSubscription,
  input: { kind: "export" | "attachment"; id: string },
  signal?: AbortSignal,
) {
  const { db } = ctx.services;
  if (input.kind === "export") {
    if (!can(ctx.org.role, "project.export"))
      throw new TRPCError({
        code: "FORBIDDEN",
        message: `Your role (${ctx.org.role}) cannot do this`,
      });
    // Refused (NOT_FOUND) before the stream opens when the job is not this organization's, as
    // live.project and live.task are: such a stream would only ever wait.
    await getExport(db, { orgId: ctx.org.orgId }, input.id, ctx.services.now());
  } else await getAttachment(db, ctx.org.orgId, input.id);
  return liveEvents(ctx, {
    ...orgScoped(ctx, signal),
    accept: (event) =>
      event.type === "job.progress" && event.kind === input.kind && event.jobId === input.id,
  });
}

/** The caller's own stream: notifications and changes to their memberships. */
export function personalEvents(ctx: LiveContext, input: Resume | undefined, signal?: AbortSignal) {
  return liveEvents(ctx, {
    key: personStream(ctx.auth.user.id),
    orgId: "",
    lastEventId: input?.lastEventId,
    accept: () => true,
    authorize: signedInCheck(ctx),
    signal,
  });
}

/** Who else views a board or a task. */
export async function viewers(
  ctx: OrgSubscription,
  input: { scope: PresenceScope },
  signal?: AbortSignal,
) {
  const { orgId } = ctx.org;
  if ("projectId" in input.scope) await getProject(ctx.services.db, orgId, input.scope.projectId);
  else await getTask(ctx.services.db, orgId, input.scope.taskId);
  return withClientErrors(
    ctx,
    presenceEvents(ctx, {
      orgId,
      scope: input.scope,
      authorize: orgAccessCheck(ctx, orgId, "task.read"),
      signal,
    }),
  );
}
