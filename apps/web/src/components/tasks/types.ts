import type { RouterOutputs } from "~/trpc/types.ts";

/** A task as lists, boards and search show it. */
export type TaskItem = RouterOutputs["task"]["list"]["items"][number];
export type TaskDetail = RouterOutputs["task"]["get"];
