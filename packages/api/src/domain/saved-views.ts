import { sql, type Database, type Json, type Kysely, type Transaction } from "@tesseract/db";
import {
  savedViewFiltersSchema,
  type CreateViewInput,
  type SavedView,
  type SavedViewFilters,
  type UpdateViewInput,
} from "@tesseract/validators";
import { MAX_SAVED_VIEWS } from "@tesseract/validators/constants";
import { recordActivity } from "../activity.ts";
import type { Actor } from "../auth/actor.ts";
import { AppError } from "../errors.ts";

/**
 * Reads a stored filter set back through the schema it was written with. A row that no longer
 * passes (a status since removed, say) keeps the fields that still do: the view opens, narrower
 * than before, instead of failing or sending a client a shape it does not expect.
 */
export function readFilters(stored: unknown): SavedViewFilters {
  const whole = savedViewFiltersSchema.safeParse(stored);
  if (whole.success) return whole.data;
  if (typeof stored !== "object" || stored === null || Array.isArray(stored)) return {};
  const kept: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(savedViewFiltersSchema.shape)) {
    const parsed = field.safeParse((stored as Record<string, unknown>)[key]);
    if (parsed.success && parsed.data !== undefined) kept[key] = parsed.data;
  }
  return kept;
}

function selectViews(db: Kysely<Database>, orgId: string, readerId: string) {
  return db
    .selectFrom("saved_views as v")
    .innerJoin("users as u", "u.id", "v.owner_id")
    .select([
      "v.id",
      "v.project_id as projectId",
      "v.name",
      "v.filters",
      "v.shared",
      "v.owner_id as ownerId",
      "u.name as ownerName",
      "v.created_at as createdAt",
      "v.updated_at as updatedAt",
    ])
    .where("v.org_id", "=", orgId)
    .where((eb) => eb.or([eb("v.owner_id", "=", readerId), eb("v.shared", "=", true)]));
}

type ViewRow = Awaited<ReturnType<ReturnType<typeof selectViews>["executeTakeFirstOrThrow"]>>;

function toView(row: ViewRow, readerId: string): SavedView {
  return { ...row, filters: readFilters(row.filters), isMine: row.ownerId === readerId };
}

/**
 * The views the reader may open in one scope: their own and those shared with the
 * organization, their own first, then by name. Someone else's private view is never listed.
 */
export async function listViews(
  db: Kysely<Database>,
  orgId: string,
  readerId: string,
  projectId: string | null,
): Promise<SavedView[]> {
  const rows = await selectViews(db, orgId, readerId)
    .where(
      projectId === null
        ? sql<boolean>`v.project_id is null`
        : sql<boolean>`v.project_id = ${projectId}`,
    )
    .orderBy(sql`v.owner_id = ${readerId}`, "desc")
    .orderBy(sql`lower(v.name)`)
    .orderBy("v.id")
    .execute();
  return rows.map((row) => toView(row, readerId));
}

/** One view the reader may see; NOT_FOUND for another organization's or someone's private view. */
async function getView(db: Kysely<Database>, orgId: string, readerId: string, viewId: string) {
  const row = await selectViews(db, orgId, readerId).where("v.id", "=", viewId).executeTakeFirst();
  if (!row) throw new AppError("NOT_FOUND", "View not found");
  return row;
}

function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === "object" && error !== null && (error as { code?: unknown }).code === "23505"
  );
}

const NAME_TAKEN = "You already have a view with this name here";

/** Only shared views reach the organization's log: a private one is its owner's business. */
async function recordShared(
  trx: Transaction<Database>,
  actor: Actor,
  action: string,
  view: { id: string; name: string; projectId: string | null },
) {
  await recordActivity(trx, {
    ...actor,
    action,
    projectId: view.projectId,
    targetType: "view",
    targetId: view.id,
    data: { name: view.name },
  });
}

export async function createView(
  trx: Transaction<Database>,
  orgId: string,
  actor: Actor,
  input: Omit<CreateViewInput, "orgId">,
): Promise<SavedView> {
  const ownerId = actor.actorUserId;
  if (input.projectId) {
    const project = await trx
      .selectFrom("projects")
      .select("id")
      .where("org_id", "=", orgId)
      .where("id", "=", input.projectId)
      .executeTakeFirst();
    if (!project) throw new AppError("NOT_FOUND", "Project not found");
  }
  const { count } = await trx
    .selectFrom("saved_views")
    .select((eb) => eb.fn.countAll<string | number>().as("count"))
    .where("org_id", "=", orgId)
    .where("owner_id", "=", ownerId)
    .executeTakeFirstOrThrow();
  if (Number(count) >= MAX_SAVED_VIEWS)
    throw new AppError("UNPROCESSABLE", `You have ${MAX_SAVED_VIEWS} views here: delete one first`);
  const inserted = await trx
    .insertInto("saved_views")
    .values({
      org_id: orgId,
      project_id: input.projectId,
      owner_id: ownerId,
      name: input.name,
      filters: input.filters as Json,
      shared: input.shared,
    })
    // The name index decides between two concurrent creates of the same name.
    .onConflict((oc) => oc.doNothing())
    .returning("id")
    .executeTakeFirst();
  if (!inserted) throw new AppError("CONFLICT", NAME_TAKEN);
  const view = toView(await getView(trx, orgId, ownerId, inserted.id), ownerId);
  if (view.shared) await recordShared(trx, actor, "view.created", view);
  return view;
}

/** Renames a view, replaces its filters or shares it: its owner only. */
export async function updateView(
  trx: Transaction<Database>,
  orgId: string,
  actor: Actor,
  input: Omit<UpdateViewInput, "orgId">,
): Promise<SavedView> {
  const readerId = actor.actorUserId;
  const before = await getView(trx, orgId, readerId, input.viewId);
  if (before.ownerId !== readerId)
    throw new AppError("FORBIDDEN", "Only the person who saved this view can change it");
  try {
    await trx
      .updateTable("saved_views")
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.filters !== undefined ? { filters: input.filters as Json } : {}),
        ...(input.shared !== undefined ? { shared: input.shared } : {}),
        updated_at: sql`now()`,
      })
      .where("org_id", "=", orgId)
      .where("id", "=", before.id)
      .execute();
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", NAME_TAKEN, { cause: error });
    throw error;
  }
  const view = toView(await getView(trx, orgId, readerId, before.id), readerId);
  if (before.shared || view.shared)
    await recordShared(
      trx,
      actor,
      before.shared === view.shared
        ? "view.updated"
        : view.shared
          ? "view.shared"
          : "view.unshared",
      view,
    );
  return view;
}

/**
 * Deletes a view: its owner, or an admin (`canManageShared`) tidying the organization's shared
 * views. Nobody else learns that a private view exists.
 */
export async function deleteView(
  trx: Transaction<Database>,
  orgId: string,
  actor: Actor,
  viewId: string,
  canManageShared: boolean,
): Promise<void> {
  const view = await getView(trx, orgId, actor.actorUserId, viewId);
  if (view.ownerId !== actor.actorUserId && !canManageShared)
    throw new AppError(
      "FORBIDDEN",
      "Only the person who saved this view, or an admin, can delete it",
    );
  await trx
    .deleteFrom("saved_views")
    .where("org_id", "=", orgId)
    .where("id", "=", view.id)
    .execute();
  if (view.shared) await recordShared(trx, actor, "view.deleted", view);
}
