"use client";

import { ActionRow } from "~/components/ui/action-row.tsx";
import { Badge } from "~/components/ui/badge.tsx";
import { LocalTime } from "~/components/ui/local-time.tsx";
import { roleLabels } from "~/lib/roles.ts";
import { trpc } from "~/trpc/react.tsx";
import type { RouterOutputs } from "~/trpc/types.ts";

type Token = RouterOutputs["token"]["list"][number];

function statusOf(token: Token): "active" | "revoked" | "expired" {
  if (token.revokedAt) return "revoked";
  if (token.expiresAt && token.expiresAt.getTime() <= Date.now()) return "expired";
  return "active";
}

export function TokenRow({ orgId, token }: { orgId: string; token: Token }) {
  const utils = trpc.useUtils();
  const revoke = trpc.token.revoke.useMutation({
    onSuccess: () => utils.token.list.invalidate({ orgId }),
  });
  const status = statusOf(token);
  return (
    <ActionRow
      testId={`token-${token.name}`}
      textClassName="min-w-0 space-y-0.5"
      error={revoke.error}
      action={
        status === "active"
          ? {
              label: "Revoke",
              subject: token.name,
              pending: revoke.isPending,
              onClick: () => {
                revoke.mutate({ orgId, tokenId: token.id });
              },
            }
          : null
      }
    >
      <p className="flex flex-wrap items-center gap-2 text-sm font-medium">
        <span className="truncate">{token.name}</span>
        <Badge>{roleLabels[token.role]}</Badge>
        {status === "active" ? null : (
          <Badge tone={status === "revoked" ? "rose" : "amber"}>
            {status === "revoked" ? "Revoked" : "Expired"}
          </Badge>
        )}
      </p>
      <p className="text-xs text-zinc-500 dark:text-zinc-400">
        <span className="font-mono">{token.prefix}…</span> · by {token.createdBy} · created{" "}
        <LocalTime date={token.createdAt} dateOnly /> ·{" "}
        {token.expiresAt ? (
          <>
            expires <LocalTime date={token.expiresAt} dateOnly />
          </>
        ) : (
          "never expires"
        )}{" "}
        ·{" "}
        {token.lastUsedAt ? (
          <>
            last used <LocalTime date={token.lastUsedAt} />
          </>
        ) : (
          "never used"
        )}
      </p>
    </ActionRow>
  );
}
