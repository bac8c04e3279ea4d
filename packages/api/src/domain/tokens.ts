import type { Database, Kysely, Transaction } from "@tesseract/db";
import type { Role } from "@tesseract/validators";
import { recordActivity } from "../activity.ts";
import type { Actor } from "../auth/actor.ts";
import { can, roleAtLeast } from "../auth/permissions.ts";
import { API_TOKEN_PREFIX, newSecret } from "../auth/secrets.ts";
import { AppError } from "../errors.ts";

/** Creates an API token for the actor; the secret is returned once and only its hash kept. */
export async function createToken(
  trx: Transaction<Database>,
  org: { orgId: string; role: Role },
  actor: Actor,
  input: { name: string; role: Role; expiresInDays?: number | null; now: Date },
) {
  if (!roleAtLeast(org.role, input.role))
    throw new AppError("FORBIDDEN", "A token cannot have a role above your own");
  const { secret, hash } = newSecret(API_TOKEN_PREFIX);
  const expiresAt = input.expiresInDays
    ? new Date(input.now.getTime() + input.expiresInDays * 86_400_000)
    : null;
  const row = await trx
    .insertInto("api_tokens")
    .values({
      org_id: org.orgId,
      user_id: actor.actorUserId,
      name: input.name,
      role: input.role,
      token_hash: hash,
      prefix: secret.slice(0, 12),
      expires_at: expiresAt,
    })
    .returning([
      "id",
      "name",
      "role",
      "prefix",
      "expires_at as expiresAt",
      "created_at as createdAt",
    ])
    .executeTakeFirstOrThrow();
  await recordActivity(trx, {
    ...actor,
    orgId: org.orgId,
    action: "token.created",
    targetType: "token",
    targetId: row.id,
    data: { name: input.name, role: input.role },
  });
  return { token: { ...row, role: row.role as Role }, secret };
}

/** The viewer's latest 200 tokens in this organization; with `token.manage`, everyone's. */
export async function tokensOf(
  db: Kysely<Database>,
  org: { orgId: string; role: Role },
  viewerId: string,
) {
  let query = db
    .selectFrom("api_tokens as t")
    .innerJoin("users as u", "u.id", "t.user_id")
    .select([
      "t.id",
      "t.name",
      "t.role",
      "t.prefix",
      "t.expires_at as expiresAt",
      "t.last_used_at as lastUsedAt",
      "t.revoked_at as revokedAt",
      "t.created_at as createdAt",
      "u.name as createdBy",
    ])
    .where("t.org_id", "=", org.orgId)
    .orderBy("t.created_at", "desc")
    .limit(200);
  if (!can(org.role, "token.manage")) query = query.where("t.user_id", "=", viewerId);
  return (await query.execute()).map((t) => ({ ...t, role: t.role as Role }));
}

/** Revokes one of the actor's tokens; with `token.manage`, anyone's. */
export async function revokeToken(
  trx: Transaction<Database>,
  org: { orgId: string; role: Role },
  actor: Actor,
  input: { tokenId: string; now: Date },
): Promise<{ ownerId: string }> {
  const token = await trx
    .selectFrom("api_tokens")
    .select(["id", "name", "user_id"])
    .where("id", "=", input.tokenId)
    .where("org_id", "=", org.orgId)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  if (!token) throw new AppError("NOT_FOUND", "No active token with this id");
  if (token.user_id !== actor.actorUserId && !can(org.role, "token.manage")) {
    throw new AppError("FORBIDDEN", "Your role cannot revoke other people's tokens");
  }
  await trx
    .updateTable("api_tokens")
    .set({ revoked_at: input.now })
    .where("id", "=", token.id)
    .execute();
  await recordActivity(trx, {
    ...actor,
    orgId: org.orgId,
    action: "token.revoked",
    targetType: "token",
    targetId: token.id,
    data: { name: token.name },
  });
  return { ownerId: token.user_id };
}
