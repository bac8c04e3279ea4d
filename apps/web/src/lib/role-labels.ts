import type { Role } from "@tesseract/validators";

// Apart from roles.ts, so the header's organization switcher (on every page) names a role
// without loading the API's constants and permission table.

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
