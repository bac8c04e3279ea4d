export { startWorker, type StartedWorker } from "./start.ts";
