export * from "./account.ts";
export * from "./attachment.ts";
export * from "./organization.ts";
export * from "./product.ts";
export * from "./permissions.ts";
export * from "./text.ts";
