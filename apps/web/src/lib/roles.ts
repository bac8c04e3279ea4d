import { ROLES, type Role } from "@tesseract/validators";

const RANK: Record<Role, number> = { viewer: 1, member: 2, admin: 3, owner: 4 };

/**
 * The least role each organization permission needs — a copy of the API's table in
 * packages/api/src/auth/permissions.ts, used only to hide actions a caller cannot take.
 * The API still decides; if the two drift, a shown button merely gets a FORBIDDEN answer.
 */
export const PERMISSIONS = {
  "org.read": "viewer",
  "org.update": "admin",
  "org.delete": "owner",
  "member.read": "viewer",
  "member.manage": "admin",
  "member.invite": "admin",
  "token.use": "viewer",
  "token.create": "member",
  "activity.read": "admin",
  "project.read": "viewer",
  "project.write": "member",
  "project.manage": "admin",
  "task.read": "viewer",
  "task.write": "member",
  "comment.write": "member",
  /** Editing or deleting other people's comments. */
  "comment.moderate": "admin",
} as const satisfies Record<string, Role>;

export type Permission = keyof typeof PERMISSIONS;

export function roleAtLeast(role: Role, least: Role): boolean {
  return RANK[role] >= RANK[least];
}

export function can(role: Role, permission: Permission): boolean {
  return roleAtLeast(role, PERMISSIONS[permission]);
}

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
