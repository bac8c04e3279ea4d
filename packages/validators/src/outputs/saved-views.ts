import { z } from "zod";
import { savedViewFiltersSchema } from "../saved-views.ts";

/** A saved view as its reader sees it. */
export const savedViewSchema = z.object({
  id: z.string(),
  projectId: z.string().nullable(),
  name: z.string(),
  filters: savedViewFiltersSchema,
  shared: z.boolean(),
  ownerId: z.string(),
  ownerName: z.string(),
  /** The reader owns it (may rename, change, share or delete it). */
  isMine: z.boolean(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type SavedView = z.output<typeof savedViewSchema>;
