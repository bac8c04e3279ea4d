"use client";

import type { Route } from "next";
import Link from "next/link";
import { Button } from "~/components/ui/button.tsx";
import { LocalTime } from "~/components/ui/local-time.tsx";
import { NOTIFICATION_TEXT } from "~/lib/notifications.ts";
import { trpc } from "~/trpc/react.tsx";
import type { RouterOutputs } from "~/trpc/types.ts";

type Notification = RouterOutputs["notification"]["list"]["items"][number];

export function NotificationItem({
  orgId,
  item,
  onChanged,
}: {
  orgId: string;
  item: Notification;
  onChanged: () => Promise<unknown>;
}) {
  const markRead = trpc.notification.markRead.useMutation({ onSuccess: onChanged });
  const isUnread = !item.readAt;
  const read = () => {
    if (isUnread) markRead.mutate({ orgId, notificationIds: [item.id] });
  };
  return (
    <li
      data-testid="inbox-item"
      data-unread={isUnread || undefined}
      className="flex items-start gap-3 px-4 py-3"
    >
      <span
        aria-hidden="true"
        className={`mt-1.5 size-2 shrink-0 rounded-full ${isUnread ? "bg-indigo-600 dark:bg-indigo-400" : "bg-transparent"}`}
      />
      <div className="min-w-0 flex-1 space-y-1">
        <p className="text-sm">
          {isUnread ? <span className="sr-only">Unread: </span> : null}
          <span className="font-medium">{item.actorName ?? "Someone"}</span>{" "}
          {NOTIFICATION_TEXT[item.kind]}{" "}
          <Link
            href={`/orgs/${orgId}/tasks/${item.taskKey}` as Route}
            onClick={read}
            className="font-medium text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300"
          >
            {item.taskKey} {item.taskTitle}
          </Link>
        </p>
        {item.excerpt ? (
          <p className="line-clamp-2 text-sm text-zinc-600 dark:text-zinc-400">{item.excerpt}</p>
        ) : null}
        <p className="text-xs text-zinc-500 dark:text-zinc-400">
          <LocalTime date={item.createdAt} />
        </p>
      </div>
      {isUnread ? (
        <Button size="sm" variant="ghost" pending={markRead.isPending} onClick={read}>
          Mark read<span className="sr-only">: {item.taskKey}</span>
        </Button>
      ) : null}
    </li>
  );
}
