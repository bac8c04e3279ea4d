import type { DomainEventDraft } from "@tesseract/validators";
import type { EventBase } from "./publish.ts";

/** Who does what a job does: the system, nobody in particular. */
export const SYSTEM_ACTOR: EventBase["actor"] = { personId: null, name: null };

/** What an attachment's processing is doing, as its `job.progress` events say. */
export type AttachmentState = "processing" | "ready" | "failed";

/**
 * An attachment's progress after its upload: made ready (`processing` while its thumbnail is
 * being made, else `ready`), then the thumbnail job's end. Carries the task, so the task's
 * page (live.task) follows its files.
 */
export function attachmentProgress(
  base: EventBase,
  attachment: { id: string; taskId: string },
  state: AttachmentState,
): DomainEventDraft {
  return {
    ...base,
    type: "job.progress",
    kind: "attachment",
    jobId: attachment.id,
    taskId: attachment.taskId,
    state,
    done: null,
    total: null,
  };
}
