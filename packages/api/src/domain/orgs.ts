import { randomBytes } from "node:crypto";
import type { Database, Kysely } from "@tesseract/db";
import { recordActivity } from "../activity.ts";
import type { AuthUser } from "../auth/credentials.ts";

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

/** Creates an organization with its creator as owner, in one transaction. */
export async function createOrganization(db: Kysely<Database>, owner: AuthUser, name: string) {
  return db.transaction().execute(async (trx) => {
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
  });
}
