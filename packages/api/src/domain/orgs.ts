import { randomBytes } from "node:crypto";
import type { Database, Kysely, Transaction } from "@tesseract/db";
import type { Role } from "@tesseract/validators";
import { recordActivity } from "../activity.ts";
import type { Actor } from "../auth/actor.ts";
import type { AuthUser } from "../auth/credentials.ts";
import { AppError } from "../errors.ts";

function slugify(name: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  return base || "org";
}

/** Creates an organization with its creator as owner. */
export async function createOrganization(
  trx: Transaction<Database>,
  owner: AuthUser,
  name: string,
) {
  // Slugs are unique: on a collision (even with a concurrent create) try a random suffix.
  const base = slugify(name);
  let org;
  for (let attempt = 0; !org; attempt++) {
    if (attempt > 5) throw new Error("could not find a free organization slug");
    org = await trx
      .insertInto("organizations")
      .values({ name, slug: attempt === 0 ? base : `${base}-${randomBytes(3).toString("hex")}` })
      .onConflict((oc) => oc.column("slug").doNothing())
      .returning(["id", "name", "slug", "created_at as createdAt"])
      .executeTakeFirst();
  }
  await trx
    .insertInto("memberships")
    .values({ org_id: org.id, user_id: owner.id, role: "owner" })
    .execute();
  await recordActivity(trx, {
    orgId: org.id,
    actorUserId: owner.id,
    action: "org.created",
    targetType: "org",
    targetId: org.id,
    data: { name },
  });
  return { ...org, role: "owner" as const };
}

/** The user's organizations by name, with their role in each (only `onlyOrgId`, for a token). */
export async function organizationsOf(db: Kysely<Database>, userId: string, onlyOrgId?: string) {
  let query = db
    .selectFrom("memberships as m")
    .innerJoin("organizations as o", "o.id", "m.org_id")
    .select(["o.id", "o.name", "o.slug", "m.role", "o.created_at as createdAt"])
    .where("m.user_id", "=", userId)
    .orderBy("o.name");
  if (onlyOrgId !== undefined) query = query.where("o.id", "=", onlyOrgId);
  return (await query.execute()).map((o) => ({ ...o, role: o.role as Role }));
}

/** The organization, with the caller's role in it; NOT_FOUND when it does not exist. */
export async function getOrganization(db: Kysely<Database>, org: { orgId: string; role: Role }) {
  const row = await db
    .selectFrom("organizations")
    .select(["id", "name", "slug", "created_at as createdAt"])
    .where("id", "=", org.orgId)
    .executeTakeFirst();
  if (!row) throw new AppError("NOT_FOUND", "Organization not found");
  return { ...row, role: org.role };
}

export async function renameOrganization(
  trx: Transaction<Database>,
  orgId: string,
  actor: Actor,
  input: { name: string; now: Date },
) {
  const org = await trx
    .updateTable("organizations")
    .set({ name: input.name, updated_at: input.now })
    .where("id", "=", orgId)
    .returning(["id", "name", "slug"])
    .executeTakeFirst();
  if (!org) throw new AppError("NOT_FOUND", "Organization not found");
  await recordActivity(trx, {
    ...actor,
    orgId,
    action: "org.updated",
    targetType: "org",
    targetId: org.id,
    data: { name: input.name },
  });
  return org;
}

/** Deletes the organization and everything in it, once `confirmName` matches its name. */
export async function deleteOrganization(
  trx: Transaction<Database>,
  orgId: string,
  actor: Actor,
  confirmName: string,
): Promise<void> {
  const org = await trx
    .selectFrom("organizations")
    .select("name")
    .where("id", "=", orgId)
    .executeTakeFirst();
  if (!org) throw new AppError("NOT_FOUND", "Organization not found");
  if (org.name !== confirmName) {
    throw new AppError("BAD_REQUEST", "Type the organization's name exactly to confirm deletion");
  }
  await trx.deleteFrom("organizations").where("id", "=", orgId).execute();
  // Recorded outside the organization (org_id null), so the record outlives it.
  await recordActivity(trx, {
    ...actor,
    orgId: null,
    action: "org.deleted",
    targetType: "org",
    targetId: orgId,
    data: { name: org.name },
  });
}
