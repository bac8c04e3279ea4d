import {
  createLabelInput,
  labelListOutput,
  labelOutput,
  labelRefInput,
  listLabelsInput,
  okOutput,
  updateLabelInput,
} from "@tesseract/validators";
import { actor } from "../auth/actor.ts";
import { createLabel, deleteLabel, listLabels, updateLabel } from "../domain/labels.ts";
import { withEvents, type EventBase } from "../live/publish.ts";
import { orgProcedure, resultCache, router } from "../trpc.ts";

/**
 * Labels follow the project policy (see PERMISSIONS): members define, rename and recolour them
 * (`label.write`), admins delete them (`label.manage`).
 */
const WRITE = {
  permission: "label.write",
  rateLimit: "write",
  // A label's name and colour are part of every task answer that carries it.
  invalidates: ["labels", "tasks"],
} as const;
const MANAGE = { ...WRITE, permission: "label.manage" } as const;

const labelEvent =
  (type: "label.created" | "label.updated") =>
  (label: { id: string; name: string; colour: string }, base: EventBase) =>
    ({ ...base, type, label: { id: label.id, name: label.name, colour: label.colour } }) as const;

export const labelRouter = router({
  list: orgProcedure
    .meta({
      summary: "List the organization's labels, with how many tasks carry each",
      permission: "task.read",
      rateLimit: "read",
      // The counts change with tasks.
      cache: { tags: ["labels", "tasks"] },
    })
    .input(listLabelsInput)
    .use(resultCache)
    .output(labelListOutput)
    .query(({ ctx }) => listLabels(ctx.services.db, ctx.org.orgId)),

  create: orgProcedure
    .meta({ ...WRITE, summary: "Define a label (a name and a colour)" })
    .input(createLabelInput)
    .output(labelOutput)
    .mutation(({ ctx, input }) =>
      withEvents(
        ctx,
        ctx.services.db
          .transaction()
          .execute((trx) => createLabel(trx, ctx.org.orgId, actor(ctx), input)),
        labelEvent("label.created"),
      ),
    ),

  update: orgProcedure
    .meta({ ...WRITE, summary: "Rename or recolour a label (every task shows the change)" })
    .input(updateLabelInput)
    .output(labelOutput)
    .mutation(({ ctx, input }) =>
      withEvents(
        ctx,
        ctx.services.db
          .transaction()
          .execute((trx) => updateLabel(trx, ctx.org.orgId, actor(ctx), input)),
        labelEvent("label.updated"),
      ),
    ),

  delete: orgProcedure
    .meta({ ...MANAGE, summary: "Delete a label (tasks carrying it lose it)" })
    .input(labelRefInput)
    .output(okOutput)
    .mutation(async ({ ctx, input }) => {
      await withEvents(
        ctx,
        ctx.services.db
          .transaction()
          .execute((trx) => deleteLabel(trx, ctx.org.orgId, actor(ctx), input.labelId)),
        (label, base) => ({ ...base, type: "label.deleted", labelId: label.id }),
      );
      return { ok: true as const };
    }),
});
