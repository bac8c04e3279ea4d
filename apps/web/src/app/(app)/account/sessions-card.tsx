"use client";

import { Alert } from "~/components/ui/alert.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { describeApiError } from "~/lib/api-error.ts";
import { trpc } from "~/trpc/react.tsx";
import { SessionRow } from "./session-row.tsx";

export function SessionsCard() {
  const utils = trpc.useUtils();
  const [sessions] = trpc.session.list.useSuspenseQuery();
  const revokeOthers = trpc.session.revoke.useMutation({
    onSuccess: () => utils.session.list.invalidate(),
  });
  const others = sessions.filter((session) => !session.current).length;
  // The current session first, then the most recently used.
  const ordered = [...sessions].sort(
    (a, b) => Number(b.current) - Number(a.current) || +b.lastSeenAt - +a.lastSeenAt,
  );

  return (
    <Card
      id="sessions"
      title="Sessions"
      description="Browsers signed in to your account. Sign out any you do not recognise."
      actions={
        others > 0 ? (
          <Button
            variant="secondary"
            size="sm"
            pending={revokeOthers.isPending}
            onClick={() => {
              revokeOthers.mutate({ allOthers: true });
            }}
          >
            Sign out all other sessions
          </Button>
        ) : undefined
      }
    >
      <div className="space-y-3">
        {revokeOthers.isSuccess ? (
          <Alert tone="success">
            Signed out {revokeOthers.data.ended} other{" "}
            {revokeOthers.data.ended === 1 ? "session" : "sessions"}.
          </Alert>
        ) : null}
        {revokeOthers.isError ? (
          <Alert tone="error">{describeApiError(revokeOthers.error).message}</Alert>
        ) : null}
        <ul className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
          {ordered.map((session) => (
            <SessionRow key={session.id} session={session} />
          ))}
        </ul>
      </div>
    </Card>
  );
}
