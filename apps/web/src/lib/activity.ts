/** One entry of `activity.list`, as far as describing it needs. */
export interface ActivityEntry {
  action: string;
  data: unknown;
  actorName: string | null;
  tokenName: string | null;
}

function field(data: unknown, key: string): string | undefined {
  if (!data || typeof data !== "object") return undefined;
  const value = (data as Record<string, unknown>)[key];
  return typeof value === "string" || typeof value === "number" ? String(value) : undefined;
}

type Describe = (data: unknown) => string;

const descriptions: Record<string, Describe> = {
  "org.created": () => "created the organization",
  "org.updated": (data) => `renamed the organization to “${field(data, "name") ?? "?"}”`,
  "member.role_changed": (data) =>
    `changed a member’s role from ${field(data, "from") ?? "?"} to ${field(data, "to") ?? "?"}`,
  "member.removed": (data) => `removed a member (${field(data, "role") ?? "?"})`,
  "member.left": () => "left the organization",
  "invitation.created": (data) =>
    `invited ${field(data, "email") ?? "someone"} as ${field(data, "role") ?? "?"}`,
  "invitation.revoked": (data) => `revoked the invitation for ${field(data, "email") ?? "someone"}`,
  "invitation.accepted": (data) => `joined as ${field(data, "role") ?? "?"}`,
  "token.created": (data) =>
    `created the API token “${field(data, "name") ?? "?"}” (${field(data, "role") ?? "?"})`,
  "token.revoked": (data) => `revoked the API token “${field(data, "name") ?? "?"}”`,
};

/** "Ada created the API token “ci” (member)" — a sentence for the activity log. */
export function describeActivity(entry: ActivityEntry): { actor: string; text: string } {
  const describe = descriptions[entry.action];
  const actor = entry.actorName ?? "Someone";
  return {
    actor: entry.tokenName ? `${actor} (token “${entry.tokenName}”)` : actor,
    text: describe ? describe(entry.data) : entry.action,
  };
}
