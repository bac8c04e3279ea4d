import type { Database, Kysely } from "@tesseract/db";
import type { Role } from "@tesseract/validators";
import { sha256 } from "../auth/secrets.ts";

export type InvitationStatus = "pending" | "accepted" | "revoked" | "expired";

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
export async function previewInvitation(db: Kysely<Database>, token: string, now: Date) {
  const row = await db
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
    .where("i.token_hash", "=", sha256(token))
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    email: row.email,
    role: row.role as Role,
    orgName: row.orgName,
    invitedBy: row.invitedBy,
    status: invitationStatus(row, now),
  };
}
