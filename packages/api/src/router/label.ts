import {
  createLabelInput,
  labelListOutput,
  labelOutput,
  labelRefInput,
  listLabelsInput,
  okOutput,
  updateLabelInput,
} from "@tesseract/validators";
import { createLabel, deleteLabel, listLabels, updateLabel } from "../domain/labels.ts";
import type { EventBase } from "../live/publish.ts";
import { orgWrite } from "./org-write.ts";
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
    .mutation(({ ctx, input }) => orgWrite(ctx, input, createLabel, labelEvent("label.created"))),

  update: orgProcedure
    .meta({ ...WRITE, summary: "Rename or recolour a label (every task shows the change)" })
    .input(updateLabelInput)
    .output(labelOutput)
    .mutation(({ ctx, input }) => orgWrite(ctx, input, updateLabel, labelEvent("label.updated"))),

  delete: orgProcedure
    .meta({ ...MANAGE, summary: "Delete a label (tasks carrying it lose it)" })
    .input(labelRefInput)
    .output(okOutput)
    .mutation(async ({ ctx, input }) => {
      await orgWrite(ctx, input.labelId, deleteLabel, (label, base) => ({
        ...base,
        type: "label.deleted",
        labelId: label.id,
      }));
      return { ok: true as const };
    }),
});
