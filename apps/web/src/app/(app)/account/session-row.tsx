"use client";

import { ActionRow } from "~/components/ui/action-row.tsx";
import { Badge } from "~/components/ui/badge.tsx";
import { LocalTime } from "~/components/ui/local-time.tsx";
import { describeUserAgent } from "~/lib/user-agent.ts";
import { trpc } from "~/trpc/react.tsx";
import type { RouterOutputs } from "~/trpc/types.ts";

type Session = RouterOutputs["session"]["list"][number];

export function SessionRow({ session }: { session: Session }) {
  const utils = trpc.useUtils();
  const revoke = trpc.session.revoke.useMutation({
    onSuccess: () => utils.session.list.invalidate(),
  });
  const device = describeUserAgent(session.userAgent);
  return (
    <ActionRow
      testId={session.current ? "session-current" : "session"}
      error={revoke.error}
      action={
        session.current
          ? null
          : {
              label: "Sign out",
              subject: device,
              pending: revoke.isPending,
              onClick: () => {
                revoke.mutate({ sessionId: session.id });
              },
            }
      }
    >
      <p className="flex flex-wrap items-center gap-2 text-sm font-medium">
        {device}
        {session.current ? <Badge tone="green">This browser</Badge> : null}
      </p>
      <p className="text-xs text-zinc-500 dark:text-zinc-400">
        {session.ip ? <span className="font-mono">{session.ip}</span> : "Unknown address"} · signed
        in <LocalTime date={session.createdAt} /> · last active{" "}
        <LocalTime date={session.lastSeenAt} />
      </p>
    </ActionRow>
  );
}
