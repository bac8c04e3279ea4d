import type { Role } from "./organization.ts";

/** Every role, from the most to the least access. */
export const ROLES = ["owner", "admin", "member", "viewer"] as const;
/** Roles that can be given by invitation (ownership is granted by promotion only). */
export const INVITABLE_ROLES = ["admin", "member", "viewer"] as const;

const RANK: Record<Role, number> = { viewer: 1, member: 2, admin: 3, owner: 4 };

/**
 * What each organization permission needs, as data: the least role that holds it. Procedures
 * name a permission in their meta and `orgProcedure` enforces it; the web app reads the same
 * table to hide what a role cannot do. Change access here, not in code.
 */
export const PERMISSIONS = {
  "org.read": "viewer",
  "org.update": "admin",
  "org.delete": "owner",
  "member.read": "viewer",
  "member.manage": "admin",
  "member.invite": "admin",
  /** Listing and revoking one's own tokens. */
  "token.use": "viewer",
  "token.create": "member",
  /** Seeing and revoking other people's tokens. */
  "token.manage": "admin",
  "activity.read": "admin",
  "project.read": "viewer",
  "project.write": "member",
  "project.manage": "admin",
  /**
   * Exporting a project's tasks to a file, and seeing and downloading the project's exports.
   * Members, not viewers: a viewer reads tasks one screen at a time, an export is the whole
   * project in one file (and work for the workers).
   */
  "project.export": "member",
  /**
   * Labels belong to the organization and follow the project policy: members define and rename
   * them (as they create and rename projects), admins delete them (as they archive and delete
   * projects), since a deletion takes the label off every task.
   */
  "label.write": "member",
  "label.manage": "admin",
  "task.read": "viewer",
  "task.write": "member",
  "comment.write": "member",
  /** Editing or deleting other people's comments. */
  "comment.moderate": "admin",
  "attachment.write": "member",
  /** Deleting files other people attached. */
  "attachment.manage": "admin",
  /** Reading and marking one's own notifications, and watching the tasks one can read. */
  "notification.read": "viewer",
  /** Deleting views other people shared with the organization (one's own views need only task.read). */
  "view.manage": "admin",
} as const satisfies Record<string, Role>;

export type Permission = keyof typeof PERMISSIONS;

export function roleAtLeast(role: Role, least: Role): boolean {
  return RANK[role] >= RANK[least];
}

export function can(role: Role, permission: Permission): boolean {
  return roleAtLeast(role, PERMISSIONS[permission]);
}

export function lowerRole(a: Role, b: Role): Role {
  return RANK[a] <= RANK[b] ? a : b;
}
