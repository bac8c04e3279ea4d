import type { Role } from "@tesseract/validators";
import { roleAtLeast, ROLES } from "@tesseract/validators/permissions";

// The permission table is the API's own (shared through @tesseract/validators); the web app
// uses it only to hide actions a caller cannot take — the API still decides. From modules
// without schemas, so pages that only check a role carry no zod.
export { can, roleAtLeast } from "@tesseract/validators/permissions";
export type { Permission } from "@tesseract/validators/permissions";

/** Whether a value (a select's, say) is one of the roles. */
export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Roles someone with `role` may hand out (to a member, an invitation or a token), highest first. */
export function rolesUpTo(role: Role, candidates: readonly Role[] = ROLES): Role[] {
  return candidates.filter((candidate) => roleAtLeast(role, candidate));
}

export { roleDescriptions, roleLabels } from "./role-labels.ts";
