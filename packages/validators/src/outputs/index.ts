// What each procedure answers: `.output()` of its router, so the OpenAPI document describes it.
export * from "./common.ts";
export * from "./account.ts";
export * from "./organization.ts";
export * from "./product.ts";
export * from "./exports.ts";
export * from "./attachment.ts";
export * from "./notifications.ts";
export * from "./system.ts";
export * from "./labels.ts";
export * from "./saved-views.ts";
export * from "./workflows.ts";
