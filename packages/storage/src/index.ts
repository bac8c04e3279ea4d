export { createStorage } from "./client.ts";
export type { AwsConnection, ObjectHead, Storage, StorageOptions } from "./client.ts";
export { objectKey } from "./keys.ts";
export { MIN_PART_SIZE, uploadStream, type StreamUploadResult } from "./upload-stream.ts";
export type { PresignedPost } from "./client.ts";
export { contentDisposition } from "./content-disposition.ts";
