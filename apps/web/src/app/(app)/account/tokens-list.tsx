"use client";

import { EmptyState } from "~/components/ui/empty-state.tsx";
import { trpc } from "~/trpc/react.tsx";
import { TokenRow } from "./token-row.tsx";

export function TokensList({ orgId }: { orgId: string }) {
  const [tokens] = trpc.token.list.useSuspenseQuery({ orgId });
  if (tokens.length === 0) {
    return <EmptyState title="No tokens yet">Tokens you create appear here.</EmptyState>;
  }
  return (
    <ul
      data-testid="tokens-list"
      className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800"
    >
      {tokens.map((token) => (
        <TokenRow key={token.id} orgId={orgId} token={token} />
      ))}
    </ul>
  );
}
