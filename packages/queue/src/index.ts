export { createQueue } from "./client.ts";
export type { Queue, QueueOptions, QueueUrls } from "./client.ts";
