import { ROLES, roleAtLeast, type Role } from "@tesseract/validators";

// The permission table is the API's own (shared through @tesseract/validators); the web app
// uses it only to hide actions a caller cannot take — the API still decides.
export { can, roleAtLeast } from "@tesseract/validators";
export type { Permission } from "@tesseract/validators";

/** Roles someone with `role` may hand out (to a member, an invitation or a token), highest first. */
export function rolesUpTo(role: Role, candidates: readonly Role[] = ROLES): Role[] {
  return candidates.filter((candidate) => roleAtLeast(role, candidate));
}

export const roleLabels: Record<Role, string> = {
  owner: "Owner",
  admin: "Admin",
  member: "Member",
  viewer: "Viewer",
};

export const roleDescriptions: Record<Role, string> = {
  owner: "Everything, including deleting the organization",
  admin: "Manage members, invitations, settings and the activity log",
  member: "Work in the organization and create API tokens",
  viewer: "Read only",
};
