import { z } from "zod";
import { orgIdSchema, roleSchema } from "./organization.ts";
import { projectId, taskId, taskStatusSchema } from "./product.ts";

/**
 * Domain events: what live subscriptions deliver. Each carries the organization, its stream id
 * (`id`, given by the bus when published), when it happened, who did it, and what a client needs
 * to patch its cache without asking again. Servers publish them only after the change committed.
 */
const actorSchema = z.object({
  /** The person who made the change; null for the system (jobs). */
  personId: z.string().nullable(),
  name: z.string().nullable(),
});

const base = {
  orgId: z.string(),
  id: z.string(),
  at: z.coerce.date(),
  actor: actorSchema,
};

/** A task as the API answers it (task.get); extra fields are kept for clients that read them. */
const taskPayload = z.looseObject({
  id: z.string(),
  key: z.string(),
  projectId: z.string(),
  title: z.string(),
  status: taskStatusSchema,
  position: z.string(),
});

const projectPayload = z.looseObject({ id: z.string(), key: z.string(), name: z.string() });

const labelPayload = z.looseObject({ id: z.string(), name: z.string(), colour: z.string() });

const commentPayload = z.looseObject({ id: z.string(), taskId: z.string(), body: z.string() });

export const presenceScopeSchema = z.union([z.object({ projectId }), z.object({ taskId })]);
export type PresenceScope = z.infer<typeof presenceScopeSchema>;

export const domainEvent = z.discriminatedUnion("type", [
  z.object({ ...base, type: z.literal("task.created"), task: taskPayload }),
  z.object({ ...base, type: z.literal("task.updated"), task: taskPayload }),
  z.object({ ...base, type: z.literal("task.moved"), task: taskPayload }),
  z.object({ ...base, type: z.literal("task.restored"), task: taskPayload }),
  z.object({
    ...base,
    type: z.literal("task.deleted"),
    taskId: z.string(),
    projectId: z.string(),
  }),
  z.object({
    ...base,
    type: z.literal("comment.created"),
    taskId: z.string(),
    projectId: z.string(),
    comment: commentPayload,
  }),
  z.object({ ...base, type: z.literal("project.created"), project: projectPayload }),
  z.object({ ...base, type: z.literal("project.updated"), project: projectPayload }),
  z.object({ ...base, type: z.literal("project.deleted"), projectId: z.string() }),
  /** Label changes show on every task carrying the label: boards and task pages hear of them. */
  z.object({ ...base, type: z.literal("label.created"), label: labelPayload }),
  z.object({ ...base, type: z.literal("label.updated"), label: labelPayload }),
  z.object({ ...base, type: z.literal("label.deleted"), labelId: z.string() }),
  /** A project's statuses (its board's columns) were added, renamed, reordered or removed. */
  z.object({ ...base, type: z.literal("status.changed"), projectId: z.string() }),
  z.object({ ...base, type: z.literal("member.added"), personId: z.string(), role: roleSchema }),
  z.object({ ...base, type: z.literal("member.removed"), personId: z.string() }),
  z.object({
    ...base,
    type: z.literal("member.role_changed"),
    personId: z.string(),
    role: roleSchema,
  }),
  z.object({
    ...base,
    type: z.literal("job.progress"),
    kind: z.enum(["export", "attachment"]),
    jobId: z.string(),
    /** The task an attachment belongs to, so a task page can follow its files. */
    taskId: z.string().nullable(),
    state: z.string(),
    done: z.number().nullable(),
    total: z.number().nullable(),
  }),
  z.object({
    ...base,
    type: z.literal("notification.created"),
    personId: z.string(),
    unread: z.number().int().nonnegative(),
  }),
  z.object({
    ...base,
    type: z.literal("presence"),
    scope: presenceScopeSchema,
    viewers: z.array(z.object({ personId: z.string(), name: z.string() })),
  }),
  /**
   * The client's `lastEventId` is older than the replay buffer holds: events were missed that
   * cannot be sent again, so refetch what the stream covers.
   */
  z.object({ ...base, type: z.literal("stream.reset") }),
]);

export type DomainEvent = z.infer<typeof domainEvent>;
export type DomainEventType = DomainEvent["type"];

/** An event as a publisher writes it: the bus stamps its id. */
export type DomainEventDraft = DomainEvent extends infer E
  ? E extends DomainEvent
    ? Omit<E, "id">
    : never
  : never;

/** Stream ids are Redis stream ids (`<ms>-<seq>`); anything else is refused as lastEventId. */
export const eventIdSchema = z
  .string()
  .max(40)
  .regex(/^\d{1,15}-\d{1,15}$/, "Unknown event id");

export const liveOrgInput = z.object({
  orgId: orgIdSchema,
  lastEventId: eventIdSchema.nullish(),
});
export const liveProjectInput = liveOrgInput.extend({ projectId });
export const liveTaskInput = liveOrgInput.extend({ taskId });
export const liveJobInput = z.object({
  orgId: orgIdSchema,
  kind: z.enum(["export", "attachment"]),
  id: z.uuid("Unknown job"),
});
export const liveMeInput = z.object({ lastEventId: eventIdSchema.nullish() }).optional();
/** An organization's stream position: read before a page's data, its subscription's start. */
export const livePositionInput = z.object({ orgId: orgIdSchema });
export const livePositionOutput = z.object({ lastEventId: eventIdSchema });
export const livePresenceInput = z.object({
  orgId: orgIdSchema,
  scope: presenceScopeSchema,
});
