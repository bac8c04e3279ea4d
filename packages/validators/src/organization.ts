import { z } from "zod";
import { emailSchema } from "./account.ts";
import { ACTIVITY_KINDS, INVITABLE_ROLES, ROLES } from "./constants.ts";
import { textSchema } from "./text.ts";

export const roleSchema = z.enum(ROLES, { message: "Choose owner, admin, member or viewer" });
/** From the constant, like the other enumerations: the type needs no zod (the SDK ships it). */
export type Role = (typeof ROLES)[number];

export const invitableRoleSchema = z.enum(INVITABLE_ROLES, {
  message: "Choose admin, member or viewer",
});

export const orgIdSchema = z.uuid("Unknown organization");
export const orgNameSchema = textSchema()
  .trim()
  .min(2, "Use at least 2 characters")
  .max(80, "Use at most 80 characters");

export const orgScoped = z.object({ orgId: orgIdSchema });

export const createOrgInput = z.object({ name: orgNameSchema });
export const updateOrgInput = orgScoped.extend({ name: orgNameSchema });
export const deleteOrgInput = orgScoped.extend({
  confirmName: textSchema().min(1, "Type the organization's name to confirm"),
});

export const updateRoleInput = orgScoped.extend({
  userId: z.uuid("Unknown member"),
  role: roleSchema,
});
export const removeMemberInput = orgScoped.extend({ userId: z.uuid("Unknown member") });

export const createInvitationInput = orgScoped.extend({
  email: emailSchema,
  role: invitableRoleSchema,
});
export const revokeInvitationInput = orgScoped.extend({
  invitationId: z.uuid("Unknown invitation"),
});

export const createTokenInput = orgScoped.extend({
  name: textSchema().trim().min(1, "Name the token").max(80, "Use at most 80 characters"),
  role: roleSchema,
  expiresInDays: z.number().int().min(1, "At least 1 day").max(365, "At most 365 days").nullable(),
});
export const revokeTokenInput = orgScoped.extend({ tokenId: z.uuid("Unknown token") });

/** Cursor pagination: `{ items, nextCursor }`, at most 100 a page. */
export const pageInput = z.object({
  cursor: textSchema().max(200).nullish(),
  limit: z.number().int().min(1).max(100).default(50),
});

const CURSOR_REFUSED = "Use the nextCursor of the previous page";

/**
 * An activity cursor: the last row's numeric id, as a number or its decimal digits (a script may
 * pass it as text). Nothing else is read as a number: `true`, `[5]`, `"0x10"` or `" 7"` are
 * refused rather than coerced.
 */
const activityCursor = z
  .union(
    [
      z.number(),
      z
        .string()
        .regex(/^[0-9]{1,16}$/)
        .transform(Number),
    ],
    {
      error: CURSOR_REFUSED,
    },
  )
  .pipe(z.number({ error: CURSOR_REFUSED }).int(CURSOR_REFUSED).positive(CURSOR_REFUSED));

/** A page of an organization's activity log; its cursor is the last row's numeric id. */
export const activityPageInput = orgScoped.extend(pageInput.shape).extend({
  cursor: activityCursor.nullish(),
});

export const activityKindSchema = z.enum(ACTIVITY_KINDS, {
  message: `Choose one of: ${ACTIVITY_KINDS.join(", ")}`,
});
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** `activity.list`: the organization's log, narrowed to one project, task, person or kind. */
export const activityListInput = activityPageInput.extend({
  projectId: z.uuid("Unknown project").optional(),
  taskId: z.uuid("Unknown task").optional(),
  actorId: z.uuid("Unknown person").optional(),
  kind: activityKindSchema.optional(),
});
