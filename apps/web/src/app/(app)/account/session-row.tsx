"use client";

import { Badge } from "~/components/ui/badge.tsx";
import { Button } from "~/components/ui/button.tsx";
import { LocalTime } from "~/components/ui/local-time.tsx";
import { describeApiError } from "~/lib/api-error.ts";
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
    <li
      data-testid={session.current ? "session-current" : "session"}
      className="flex flex-col gap-2 px-3 py-2.5 sm:flex-row sm:items-center sm:justify-between"
    >
      <div className="min-w-0">
        <p className="flex flex-wrap items-center gap-2 text-sm font-medium">
          {device}
          {session.current ? <Badge tone="green">This browser</Badge> : null}
        </p>
        <p className="text-xs text-zinc-500 dark:text-zinc-400">
          {session.ip ? <span className="font-mono">{session.ip}</span> : "Unknown address"} ·
          signed in <LocalTime date={session.createdAt} /> · last active{" "}
          <LocalTime date={session.lastSeenAt} />
        </p>
        {revoke.isError ? (
          <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">
            {describeApiError(revoke.error).message}
          </p>
        ) : null}
      </div>
      {session.current ? null : (
        <Button
          size="sm"
          variant="ghost"
          className="-ml-2.5 self-start sm:ml-0 sm:self-auto"
          pending={revoke.isPending}
          onClick={() => {
            revoke.mutate({ sessionId: session.id });
          }}
        >
          Sign out<span className="sr-only"> {device}</span>
        </Button>
      )}
    </li>
  );
}
