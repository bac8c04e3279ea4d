// The job runtime is its own entry point (`@tesseract/api/jobs`): its handlers pull in the
// export formats, image and mail code, which an API server that runs no jobs (services mode)
// never loads.
export { startJobRuntime, type JobRuntime, type JobRuntimeOptions } from "./runtime.ts";
