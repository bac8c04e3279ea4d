export * from "./constants.ts";
export * from "./account.ts";
export * from "./organization.ts";
export * from "./product.ts";
export * from "./permissions.ts";
export * from "./text.ts";
export * from "./exports.ts";
export * from "./admin.ts";
