"use client";

import type { Route } from "next";
import { IntentLink } from "./intent-link.tsx";
import { Icon } from "~/components/ui/icon.tsx";
import { bellLabel, unreadBadge } from "~/lib/notifications.ts";
import { TRPCReactProvider, trpc } from "~/trpc/react.tsx";

/** How often the bell asks again while the page is open (it also asks on focus). */
const UNREAD_REFRESH_MS = 120_000;

/**
 * The bell with its count. The header is the root layout's, outside the signed-in app's
 * React Query provider, so the bell has one of its own: it shares the tab's QueryClient and
 * tRPC client with the app's (react.tsx), so the inbox's changes reach its count.
 */
export function LiveBell({ orgId }: { orgId: string }) {
  return (
    <TRPCReactProvider>
      <Bell orgId={orgId} />
    </TRPCReactProvider>
  );
}

function Bell({ orgId }: { orgId: string }) {
  // The count arrives live (live.me's notification.created); the query behind it is also read
  // on focus and, slowly, on an interval, in case the live connection is down.
  const count = trpc.notification.unreadCount.useQuery(
    { orgId },
    { refetchInterval: UNREAD_REFRESH_MS, refetchOnWindowFocus: true, retry: false },
  );
  const utils = trpc.useUtils();
  trpc.live.me.useSubscription(undefined, {
    // Counted again once the stream is open (and after each reconnect): a notification made
    // between the count's read and the subscription's start carries no event this tab sees.
    onStarted: () => void utils.notification.unreadCount.invalidate({ orgId }),
    onData: ({ data }) => {
      if (data.type !== "notification.created" || data.orgId !== orgId) return;
      utils.notification.unreadCount.setData({ orgId }, { unread: data.unread });
      void utils.notification.list.invalidate({ orgId });
    },
  });
  const unread = count.data?.unread ?? 0;
  const badge = unreadBadge(unread);
  return (
    <IntentLink
      href={`/orgs/${orgId}/inbox` as Route}
      aria-label={bellLabel(unread)}
      data-testid="notification-bell"
      className="relative grid size-9 place-items-center rounded-md text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800/60 dark:hover:text-zinc-50"
    >
      <Icon className="size-5">
        <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </Icon>
      {badge ? (
        <span
          aria-hidden="true"
          data-testid="unread-badge"
          className="absolute -top-0.5 -right-0.5 min-w-4 rounded-full bg-rose-600 px-1 text-center text-[10px] leading-4 font-semibold text-white"
        >
          {badge}
        </span>
      ) : null}
    </IntentLink>
  );
}
