import { z } from "zod";
import { roleSchema } from "../organization.ts";
import { jsonValue, orgWithRoleOutput, pageOutput } from "./common.ts";

export const createOrgOutput = orgWithRoleOutput.extend({ role: z.literal("owner") });
export const orgListOutput = z.array(orgWithRoleOutput);
export const updateOrgOutput = z.object({ id: z.string(), name: z.string(), slug: z.string() });

export const memberListOutput = z.array(
  z.object({
    userId: z.string(),
    name: z.string(),
    email: z.string(),
    role: roleSchema,
    joinedAt: z.date(),
  }),
);
export const updateRoleOutput = z.object({ userId: z.string(), role: roleSchema });

const invitationStatusSchema = z.enum(["pending", "accepted", "revoked", "expired"]);

export const createInvitationOutput = z.object({
  id: z.string(),
  email: z.string(),
  role: roleSchema,
  status: z.literal("pending"),
  createdAt: z.date(),
  expiresAt: z.date(),
  /** The link the invitee opens (also emailed). */
  acceptUrl: z.string(),
  emailSent: z.boolean(),
});
export const invitationListOutput = z.array(
  z.object({
    id: z.string(),
    email: z.string(),
    role: roleSchema,
    invitedBy: z.string().nullable(),
    createdAt: z.date(),
    expiresAt: z.date(),
    status: invitationStatusSchema,
  }),
);
export const invitationPreviewOutput = z.object({
  email: z.string(),
  role: roleSchema,
  orgName: z.string(),
  invitedBy: z.string().nullable(),
  status: invitationStatusSchema,
});
export const acceptInvitationOutput = z.object({ orgId: z.string(), role: roleSchema });

export const createTokenOutput = z.object({
  token: z.object({
    id: z.string(),
    name: z.string(),
    role: roleSchema,
    prefix: z.string(),
    createdAt: z.date(),
    expiresAt: z.date().nullable(),
  }),
  /** Shown once: only its hash is stored. */
  secret: z.string(),
});
export const tokenListOutput = z.array(
  z.object({
    id: z.string(),
    name: z.string(),
    role: roleSchema,
    prefix: z.string(),
    expiresAt: z.date().nullable(),
    lastUsedAt: z.date().nullable(),
    revokedAt: z.date().nullable(),
    createdAt: z.date(),
    createdBy: z.string(),
  }),
);

/** One page of the activity log (`activity.list`, `task.activity`). */
export const activityPageOutput = pageOutput(
  z.object({
    id: z.number().int(),
    action: z.string(),
    /** What changed, as the action records it. */
    data: jsonValue,
    ip: z.string().nullable(),
    targetType: z.string().nullable(),
    targetId: z.string().nullable(),
    createdAt: z.date(),
    actorId: z.string().nullable(),
    actorName: z.string().nullable(),
    actorEmail: z.string().nullable(),
    tokenName: z.string().nullable(),
    /** The task it is about as it is now (its key changes when it moves); null once deleted. */
    taskKey: z.string().nullable(),
    taskTitle: z.string().nullable(),
    /** The project it belongs to, by its name now. */
    projectName: z.string().nullable(),
    /** The person a member entry is about, when they still have an account. */
    subjectName: z.string().nullable(),
    subjectEmail: z.string().nullable(),
  }),
  z.number().int(),
);
