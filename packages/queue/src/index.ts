export { createQueue } from "./client.ts";
export type { Queue, QueueOptions, QueueUrls } from "./client.ts";
export { jobSchema, envelopeSchema } from "./jobs.ts";
export type { Envelope, Job, JobPayload, JobType } from "./jobs.ts";
export { enqueue, onEnqueue, outboxLagSeconds, type EnqueueOptions } from "./outbox.ts";
export { createRelay, type Relay, type RelayOptions } from "./relay.ts";
export { requeueForgottenJobs } from "./recovery.ts";
export {
  createConsumer,
  defaultRetryDelaySeconds,
  type Consumer,
  type ConsumerOptions,
} from "./consumer.ts";
export {
  bindLogger,
  onlyHandlers,
  type JobContext,
  type JobHandler,
  type JobHandlers,
} from "./handlers.ts";
export type { RunStatus } from "./runs.ts";
export { createDeadLetters, type DeadLetter, type DeadLetters } from "./dead-letters.ts";
