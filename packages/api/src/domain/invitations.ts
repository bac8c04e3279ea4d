import type { Database, Kysely, Transaction } from "@tesseract/db";
import type { Role } from "@tesseract/validators";
import { recordActivity } from "../activity.ts";
import type { Actor } from "../auth/actor.ts";
import { roleAtLeast } from "../auth/permissions.ts";
import { newSecret, sha256 } from "../auth/secrets.ts";
import { compiledOnce } from "./compiled-query.ts";
import { AppError } from "../errors.ts";
import type { MailOutbox } from "../mail/outbox.ts";
import { invitationEmail } from "../mail/templates.ts";

export type InvitationStatus = "pending" | "accepted" | "revoked" | "expired";

const LIFETIME_MS = 7 * 24 * 3_600_000;

export function invitationStatus(
  row: { accepted_at: Date | null; revoked_at: Date | null; expires_at: Date },
  now: Date,
): InvitationStatus {
  if (row.accepted_at) return "accepted";
  if (row.revoked_at) return "revoked";
  if (row.expires_at <= now) return "expired";
  return "pending";
}

/** What the accept page shows for an invitation link's token, or undefined when it is unknown. */
// Public and hot (the accept page): compiled once.
const previewByHash = compiledOnce((db, tokenHash: string) =>
  db
    .selectFrom("invitations as i")
    .innerJoin("organizations as o", "o.id", "i.org_id")
    .leftJoin("users as u", "u.id", "i.invited_by")
    .select([
      "i.email",
      "i.role",
      "i.expires_at",
      "i.accepted_at",
      "i.revoked_at",
      "o.name as orgName",
      "u.name as invitedBy",
    ])
    .where("i.token_hash", "=", tokenHash),
);

export async function findInvitationPreview(db: Kysely<Database>, token: string, now: Date) {
  const [row] = await previewByHash(db, sha256(token));
  if (!row) return undefined;
  return {
    email: row.email,
    role: row.role as Role,
    orgName: row.orgName,
    invitedBy: row.invitedBy,
    status: invitationStatus(row, now),
  };
}

/** As findInvitationPreview; NOT_FOUND when the token is unknown. */
export async function getInvitationPreview(db: Kysely<Database>, token: string, now: Date) {
  const preview = await findInvitationPreview(db, token, now);
  if (!preview) throw new AppError("NOT_FOUND", "This invitation link is not valid");
  return preview;
}

/**
 * Invites an address into the organization (replacing its pending invitation) and mails it the
 * link. The link holds the token, which is stored only as a hash: `acceptUrl` is for the inviter
 * to pass on where email does not reach, shown once and never listed again.
 */
export async function createInvitation(
  trx: Transaction<Database>,
  mail: MailOutbox,
  org: { orgId: string; role: Role },
  actor: Actor,
  input: { email: string; role: Role; inviterName: string; now: Date; publicUrl: string },
) {
  if (!roleAtLeast(org.role, input.role))
    throw new AppError("FORBIDDEN", "You cannot invite someone with a role above your own");
  const existing = await trx
    .selectFrom("memberships as m")
    .innerJoin("users as u", "u.id", "m.user_id")
    .select("u.id")
    .where("m.org_id", "=", org.orgId)
    .where("u.email", "=", input.email)
    .executeTakeFirst();
  if (existing) throw new AppError("CONFLICT", "This person is already a member");
  const { secret, hash } = newSecret();
  // A new invitation replaces any pending one for the same address.
  await trx
    .updateTable("invitations")
    .set({ revoked_at: input.now })
    .where("org_id", "=", org.orgId)
    .where("email", "=", input.email)
    .where("accepted_at", "is", null)
    .where("revoked_at", "is", null)
    .execute();
  const invitation = await trx
    .insertInto("invitations")
    .values({
      org_id: org.orgId,
      email: input.email,
      role: input.role,
      token_hash: hash,
      invited_by: actor.actorUserId,
      expires_at: new Date(input.now.getTime() + LIFETIME_MS),
    })
    .returning(["id", "email", "role", "expires_at as expiresAt", "created_at as createdAt"])
    .executeTakeFirstOrThrow();
  await recordActivity(trx, {
    ...actor,
    orgId: org.orgId,
    action: "invitation.created",
    targetType: "invitation",
    targetId: invitation.id,
    data: { email: input.email, role: input.role },
  });
  const { name: orgName } = await trx
    .selectFrom("organizations")
    .select("name")
    .where("id", "=", org.orgId)
    .executeTakeFirstOrThrow();
  const link = new URL("/invitations/accept", input.publicUrl);
  link.searchParams.set("token", secret);
  const acceptUrl = link.toString();
  await mail.send(
    trx,
    invitationEmail(input.email, {
      orgName,
      inviterName: input.inviterName,
      role: input.role,
      link: acceptUrl,
    }),
  );
  return {
    ...invitation,
    role: invitation.role as Role,
    status: "pending" as const,
    acceptUrl,
  };
}

/** The organization's latest 200 invitations, newest first (not paged). */
export async function invitationsOf(db: Kysely<Database>, orgId: string, now: Date) {
  const rows = await db
    .selectFrom("invitations as i")
    .leftJoin("users as u", "u.id", "i.invited_by")
    .select([
      "i.id",
      "i.email",
      "i.role",
      "i.expires_at",
      "i.accepted_at",
      "i.revoked_at",
      "i.created_at as createdAt",
      "u.name as invitedBy",
    ])
    .where("i.org_id", "=", orgId)
    .orderBy("i.created_at", "desc")
    .limit(200)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    role: r.role as Role,
    invitedBy: r.invitedBy,
    createdAt: r.createdAt,
    expiresAt: r.expires_at,
    status: invitationStatus(r, now),
  }));
}

export async function revokeInvitation(
  trx: Transaction<Database>,
  orgId: string,
  actor: Actor,
  input: { invitationId: string; now: Date },
): Promise<void> {
  const row = await trx
    .updateTable("invitations")
    .set({ revoked_at: input.now })
    .where("id", "=", input.invitationId)
    .where("org_id", "=", orgId)
    .where("accepted_at", "is", null)
    .where("revoked_at", "is", null)
    .returning(["id", "email"])
    .executeTakeFirst();
  if (!row) throw new AppError("NOT_FOUND", "No pending invitation with this id");
  await recordActivity(trx, {
    ...actor,
    orgId,
    action: "invitation.revoked",
    targetType: "invitation",
    targetId: row.id,
    data: { email: row.email },
  });
}

/** The actor (signed in with the invited address, `email`) joins the organization at the invited role. */
export async function acceptInvitation(
  trx: Transaction<Database>,
  actor: Actor,
  input: { token: string; email: string; now: Date },
) {
  const row = await trx
    .selectFrom("invitations")
    .selectAll()
    .where("token_hash", "=", sha256(input.token))
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new AppError("NOT_FOUND", "This invitation link is not valid");
  const status = invitationStatus(row, input.now);
  if (status !== "pending")
    throw new AppError("CONFLICT", `This invitation was already ${status}; ask for a new one`);
  if (row.email !== input.email) {
    throw new AppError(
      "FORBIDDEN",
      `This invitation is for ${row.email}; sign in with that address to accept it`,
    );
  }
  await trx
    .insertInto("memberships")
    .values({ org_id: row.org_id, user_id: actor.actorUserId, role: row.role })
    .onConflict((oc) => oc.columns(["org_id", "user_id"]).doNothing())
    .execute();
  await trx
    .updateTable("invitations")
    .set({ accepted_at: input.now })
    .where("id", "=", row.id)
    .execute();
  // Receiving the invitation proves the address.
  await trx
    .updateTable("users")
    .set({ email_verified_at: input.now })
    .where("id", "=", actor.actorUserId)
    .where("email_verified_at", "is", null)
    .execute();
  await recordActivity(trx, {
    ...actor,
    orgId: row.org_id,
    action: "invitation.accepted",
    targetType: "invitation",
    targetId: row.id,
    data: { role: row.role },
  });
  return { orgId: row.org_id, role: row.role as Role };
}
