import type { Database, Kysely, Transaction } from "@tesseract/db";
import type { Role } from "@tesseract/validators";
import { recordActivity } from "../activity.ts";
import type { Actor } from "../auth/actor.ts";
import { roleAtLeast } from "../auth/permissions.ts";
import { AppError } from "../errors.ts";
import { countOwners, findMembershipRole } from "./memberships.ts";

/** Every member of an organization by name (not paged). */
export async function membersOf(db: Kysely<Database>, orgId: string) {
  const rows = await db
    .selectFrom("memberships as m")
    .innerJoin("users as u", "u.id", "m.user_id")
    .select(["u.id as userId", "u.name", "u.email", "m.role", "m.created_at as joinedAt"])
    .where("m.org_id", "=", orgId)
    .orderBy("u.name")
    .execute();
  return rows.map((r) => ({ ...r, role: r.role as Role }));
}

/** A member's role; NOT_FOUND when the user is not a member. */
async function getMemberRole(db: Kysely<Database>, orgId: string, userId: string): Promise<Role> {
  const role = await findMembershipRole(db, orgId, userId);
  if (!role) throw new AppError("NOT_FOUND", "Member not found");
  return role;
}

/** Gives a member another role; the last owner stays an owner. */
export async function changeMemberRole(
  trx: Transaction<Database>,
  org: { orgId: string; role: Role },
  actor: Actor,
  input: { userId: string; role: Role },
) {
  const current = await getMemberRole(trx, org.orgId, input.userId);
  // Nobody grants a role above their own, or changes someone who outranks them.
  if (!roleAtLeast(org.role, input.role) || !roleAtLeast(org.role, current)) {
    throw new AppError("FORBIDDEN", "You cannot give or change a role above your own");
  }
  if (current === "owner" && input.role !== "owner" && (await countOwners(trx, org.orgId)) <= 1) {
    throw new AppError("CONFLICT", "An organization needs an owner; make someone else owner first");
  }
  await trx
    .updateTable("memberships")
    .set({ role: input.role })
    .where("org_id", "=", org.orgId)
    .where("user_id", "=", input.userId)
    .execute();
  await recordActivity(trx, {
    ...actor,
    orgId: org.orgId,
    action: "member.role_changed",
    targetType: "user",
    targetId: input.userId,
    data: { from: current, to: input.role },
  });
  return { userId: input.userId, role: input.role };
}

/** Ends a membership; the person's tokens for this organization go with it. */
async function endMembership(
  trx: Transaction<Database>,
  orgId: string,
  userId: string,
  now: Date,
): Promise<void> {
  await trx
    .deleteFrom("memberships")
    .where("org_id", "=", orgId)
    .where("user_id", "=", userId)
    .execute();
  await trx
    .updateTable("api_tokens")
    .set({ revoked_at: now })
    .where("org_id", "=", orgId)
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null)
    .execute();
}

export async function removeMember(
  trx: Transaction<Database>,
  org: { orgId: string; role: Role },
  actor: Actor,
  input: { userId: string; now: Date },
): Promise<void> {
  const current = await getMemberRole(trx, org.orgId, input.userId);
  if (!roleAtLeast(org.role, current))
    throw new AppError("FORBIDDEN", "You cannot remove someone who outranks you");
  if (current === "owner" && (await countOwners(trx, org.orgId)) <= 1) {
    throw new AppError("CONFLICT", "The last owner cannot be removed");
  }
  await endMembership(trx, org.orgId, input.userId, input.now);
  await recordActivity(trx, {
    ...actor,
    orgId: org.orgId,
    action: "member.removed",
    targetType: "user",
    targetId: input.userId,
    data: { role: current },
  });
}

/** The actor leaves the organization; its last owner cannot. */
export async function leaveOrganization(
  trx: Transaction<Database>,
  org: { orgId: string; role: Role },
  actor: Actor,
  now: Date,
): Promise<void> {
  if (org.role === "owner" && (await countOwners(trx, org.orgId)) <= 1) {
    throw new AppError(
      "CONFLICT",
      "You are the last owner; make someone else owner or delete the organization",
    );
  }
  await endMembership(trx, org.orgId, actor.actorUserId, now);
  await recordActivity(trx, {
    ...actor,
    orgId: org.orgId,
    action: "member.left",
    targetType: "user",
    targetId: actor.actorUserId,
  });
}
