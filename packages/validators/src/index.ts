export * from "./account.ts";
export * from "./organization.ts";
