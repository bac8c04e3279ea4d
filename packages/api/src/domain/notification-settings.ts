import type { Database, Kysely } from "@tesseract/db";
import type { NotificationKind, NotificationSettings } from "@tesseract/validators";

/** Every email is on until a person turns it off. */
const DEFAULTS: NotificationSettings = {
  emailAssigned: true,
  emailMentioned: true,
  emailCommented: true,
};

const BY_KIND: Record<NotificationKind, keyof NotificationSettings> = {
  assigned: "emailAssigned",
  mentioned: "emailMentioned",
  commented: "emailCommented",
};

function selectSettings(db: Kysely<Database>) {
  return db
    .selectFrom("notification_settings")
    .select([
      "user_id as userId",
      "email_assigned as emailAssigned",
      "email_mentioned as emailMentioned",
      "email_commented as emailCommented",
    ]);
}

/** A person's email settings (the defaults when they never changed them). */
export async function getNotificationSettings(
  db: Kysely<Database>,
  userId: string,
): Promise<NotificationSettings> {
  const row = await selectSettings(db).where("user_id", "=", userId).executeTakeFirst();
  if (!row) return { ...DEFAULTS };
  const { userId: _, ...settings } = row;
  return settings;
}

/** Changes the settings named in `changes`, leaving the others as they were. */
export async function updateNotificationSettings(
  db: Kysely<Database>,
  userId: string,
  changes: Partial<NotificationSettings>,
  now: Date,
): Promise<NotificationSettings> {
  // Only the named columns change on conflict: two saves of different settings both hold.
  const set = {
    ...(changes.emailAssigned !== undefined && { email_assigned: changes.emailAssigned }),
    ...(changes.emailMentioned !== undefined && { email_mentioned: changes.emailMentioned }),
    ...(changes.emailCommented !== undefined && { email_commented: changes.emailCommented }),
  };
  const next = { ...DEFAULTS, ...changes };
  await db
    .insertInto("notification_settings")
    .values({
      user_id: userId,
      email_assigned: next.emailAssigned,
      email_mentioned: next.emailMentioned,
      email_commented: next.emailCommented,
      updated_at: now,
    })
    .onConflict((oc) => oc.column("user_id").doUpdateSet({ ...set, updated_at: now }))
    .execute();
  return getNotificationSettings(db, userId);
}

/** Whether each of these people wants a kind of notification by email, read in one query. */
export async function emailWanted(
  db: Kysely<Database>,
  userIds: string[],
): Promise<(userId: string, kind: NotificationKind) => boolean> {
  const rows =
    userIds.length > 0 ? await selectSettings(db).where("user_id", "in", userIds).execute() : [];
  const byUser = new Map(rows.map((row) => [row.userId, row]));
  return (userId, kind) => (byUser.get(userId) ?? DEFAULTS)[BY_KIND[kind]];
}
