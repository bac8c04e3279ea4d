import {
  addTaskRelationInput,
  createdIdOutput,
  listTaskRelationsInput,
  okOutput,
  removeTaskRelationInput,
  taskRelationSchema,
} from "@tesseract/validators";
import { z } from "zod";
import {
  addTaskRelation,
  listTaskRelations,
  removeTaskRelation,
} from "../domain/task-relations.ts";
import { orgWrite } from "./org-write.ts";
import { orgProcedure, router } from "../trpc.ts";

const WRITE = { permission: "task.write", rateLimit: "write", invalidates: ["tasks"] } as const;

/** Relations between tasks (blocks, relates to, duplicate of), each shown on both tasks. */
export const relationRouter = router({
  list: orgProcedure
    .meta({
      summary: "A task's relations, each read from that task's side",
      permission: "task.read",
      rateLimit: "read",
    })
    .input(listTaskRelationsInput)
    .output(z.array(taskRelationSchema))
    .query(({ ctx, input }) => listTaskRelations(ctx.services.db, ctx.org.orgId, input.taskId)),

  add: orgProcedure
    .meta({ summary: "Relate a task to another task of the organization", ...WRITE })
    .input(addTaskRelationInput)
    .output(createdIdOutput)
    .mutation(async ({ ctx, input }) => {
      const { relationId } = await orgWrite(ctx, input, addTaskRelation, ({ tasks }, base) =>
        tasks.map((task) => ({ ...base, type: "task.updated", task }) as const),
      );
      return { id: relationId };
    }),

  remove: orgProcedure
    .meta({ summary: "Remove a relation between two tasks", ...WRITE })
    .input(removeTaskRelationInput)
    .output(okOutput)
    .mutation(async ({ ctx, input }) => {
      await orgWrite(ctx, input.relationId, removeTaskRelation, ({ tasks }, base) =>
        tasks.map((task) => ({ ...base, type: "task.updated", task }) as const),
      );
      return { ok: true as const };
    }),
});
