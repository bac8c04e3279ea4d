export * from "./constants.ts";
export * from "./account.ts";
export * from "./attachment.ts";
export * from "./organization.ts";
export * from "./product.ts";
export * from "./permissions.ts";
export * from "./text.ts";
export * from "./exports.ts";
export * from "./admin.ts";
export * from "./notifications.ts";
export * from "./dev.ts";
export * from "./events.ts";
export * from "./task-relations.ts";

export * from "./outputs/index.ts";
