import type { NotificationKind } from "@tesseract/validators";
import { insertTestUser, type TestUser } from "../testing.ts";
import { as, orgWith, services } from "./router-fixture.ts";

/**
 * Set-up for the notification suites: an organization with an "NTF" project, its owner and
 * three members, and someone who belongs only to another organization.
 */
export async function notifiedOrg() {
  const { owner, orgId, users } = await orgWith(["member", "member", "member"]);
  const [ann, bob, cat] = users as [TestUser, TestUser, TestUser];
  const project = await as(owner).project.create({ orgId, name: "Notify", key: "NTF" });
  const outsider = await insertTestUser(services, "Outsider");
  const elsewhere = await as(outsider).org.create({ name: "Elsewhere" });
  return {
    owner,
    orgId,
    projectId: project.id,
    ann,
    bob,
    cat,
    outsider,
    elsewhereId: elsewhere.id,
  };
}

/** What a person's inbox in an organization holds, oldest first, as [kind, task title]. */
export async function inboxOf(
  user: TestUser,
  orgId: string,
): Promise<[NotificationKind, string][]> {
  const page = await as(user).notification.list({ orgId, limit: 100 });
  return page.items.map((n): [NotificationKind, string] => [n.kind, n.taskTitle]).reverse();
}

/** Every notification row addressed to a person, in any organization. */
export async function rowsFor(user: TestUser) {
  return services.db
    .selectFrom("notifications")
    .select(["id", "org_id", "kind"])
    .where("recipient_id", "=", user.id)
    .execute();
}

/** The `notification.email` jobs written for these notifications. */
export async function emailJobsFor(notificationIds: string[]) {
  if (notificationIds.length === 0) return [];
  const rows = await services.db
    .selectFrom("outbox")
    .select(["payload"])
    .where("type", "=", "notification.email")
    .execute();
  return rows.filter((r) =>
    notificationIds.includes((r.payload as { notificationId: string }).notificationId),
  );
}

/** `@address` for a person, as the comment box writes it. */
export const mention = (user: TestUser) => `@${user.email}`;
