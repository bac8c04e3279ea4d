import { z } from "zod";
import { orgScoped } from "./organization.ts";
import { projectId } from "./product.ts";

export const EXPORT_FORMATS = ["csv", "json"] as const;
export const EXPORT_STATUSES = ["queued", "running", "ready", "failed"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export type ExportStatus = (typeof EXPORT_STATUSES)[number];

export const exportFormatSchema = z.enum(EXPORT_FORMATS, { message: "Choose CSV or JSON" });
export const exportId = z.uuid("Unknown export");

export const projectExportInput = orgScoped.extend({ projectId, format: exportFormatSchema });
export const exportRefInput = orgScoped.extend({ exportId });
export const listExportsInput = orgScoped.extend({ projectId: projectId.optional() });

/** A person's own data: one JSON document (it nests, so it has no CSV form). */
export const accountExportInput = z.object({ format: z.literal("json").default("json") });
export const accountExportRefInput = z.object({ exportId });
