import type { Migration } from "kysely/migration";
import * as outbox from "./2026-11-24-0001-outbox.ts";
import * as accounts from "./2026-11-24-0002-accounts.ts";
import * as projectsTasks from "./2026-11-24-0003-projects-tasks.ts";
import * as platformAdmins from "./2026-11-29-0001-platform-admins.ts";
import * as positionKeys from "./2026-11-29-0002-position-keys.ts";
import * as jobRuns from "./2026-11-29-0003-job-runs.ts";
import * as attachments from "./2026-11-29-0004-attachments.ts";
import * as exportsTable from "./2026-11-29-0005-exports.ts";
import * as notifications from "./2026-11-29-0006-notifications.ts";
import * as outboxTraceparent from "./2026-11-29-0007-outbox-traceparent.ts";
import * as exportFileDeleted from "./2026-11-29-0008-export-file-deleted.ts";
import * as idempotency from "./2026-11-29-0009-idempotency.ts";
import * as taskHierarchy from "./2026-11-30-0001-task-hierarchy.ts";
import * as labels from "./2026-11-30-0002-labels.ts";
import * as workflows from "./2026-11-30-0003-workflows.ts";
import * as savedViews from "./2026-11-30-0004-saved-views.ts";
import * as taskTrash from "./2026-11-30-0005-task-trash.ts";
import * as taskKeyAliases from "./2026-11-30-0006-task-key-aliases.ts";
import * as createTaskFunction from "./2026-11-30-0007-create-task-function.ts";
import * as taskCreationTime from "./2026-11-30-0008-task-creation-time.ts";

/**
 * Every migration, in order. Listed statically (not read from disk) so the server runs the
 * same set wherever it is deployed; a test checks this list against the folder.
 */
export const migrations: Record<string, Migration> = {
  "2026-11-24-0001-outbox": outbox,
  "2026-11-24-0002-accounts": accounts,
  "2026-11-24-0003-projects-tasks": projectsTasks,
  "2026-11-29-0001-platform-admins": platformAdmins,
  "2026-11-29-0002-position-keys": positionKeys,
  "2026-11-29-0003-job-runs": jobRuns,
  "2026-11-29-0004-attachments": attachments,
  "2026-11-29-0005-exports": exportsTable,
  "2026-11-29-0006-notifications": notifications,
  "2026-11-29-0007-outbox-traceparent": outboxTraceparent,
  "2026-11-29-0008-export-file-deleted": exportFileDeleted,
  "2026-11-29-0009-idempotency": idempotency,
  "2026-11-30-0001-task-hierarchy": taskHierarchy,
  "2026-11-30-0002-labels": labels,
  "2026-11-30-0003-workflows": workflows,
  "2026-11-30-0004-saved-views": savedViews,
  "2026-11-30-0005-task-trash": taskTrash,
  "2026-11-30-0006-task-key-aliases": taskKeyAliases,
  "2026-11-30-0007-create-task-function": createTaskFunction,
  "2026-11-30-0008-task-creation-time": taskCreationTime,
};
