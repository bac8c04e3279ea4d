"use client";

import type { NotificationSettings } from "@tesseract/validators";
import { QueryError } from "~/components/query-error.tsx";
import { Alert } from "~/components/ui/alert.tsx";
import { Card } from "~/components/ui/card.tsx";
import { Skeleton } from "~/components/ui/skeleton.tsx";
import { describeApiError } from "~/lib/api-error.ts";
import { trpc } from "~/trpc/react.tsx";

const CHOICES: { field: keyof NotificationSettings; label: string; hint: string }[] = [
  { field: "emailAssigned", label: "A task is assigned to me", hint: "by someone else" },
  { field: "emailMentioned", label: "Someone @mentions me", hint: "in a comment or a description" },
  {
    field: "emailCommented",
    label: "Someone comments on a task I follow",
    hint: "tasks I created, am assigned to or watch",
  },
];

/** Which notifications also arrive by email (the inbox always has them all). */
export function NotificationsCard() {
  const utils = trpc.useUtils();
  const settings = trpc.notification.settings.useQuery();
  const update = trpc.notification.updateSettings.useMutation({
    onSuccess: (next) => {
      utils.notification.settings.setData(undefined, next);
    },
  });
  return (
    <Card
      id="notifications"
      title="Email notifications"
      description="Every notification is in the inbox (the bell). Choose which ones are also emailed to you, in every organization."
    >
      {settings.isPending ? (
        <Skeleton className="h-24 w-full" />
      ) : settings.isError ? (
        <QueryError error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <fieldset className="space-y-3" disabled={update.isPending}>
          <legend className="sr-only">Email me when</legend>
          {CHOICES.map(({ field, label, hint }) => (
            <label key={field} className="flex items-start gap-3 text-sm">
              <input
                type="checkbox"
                name={field}
                checked={settings.data[field]}
                onChange={(event) => {
                  update.mutate({ [field]: event.target.checked });
                }}
                className="mt-0.5 size-4 rounded border-zinc-300 text-indigo-600 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:border-zinc-700 dark:bg-zinc-900"
              />
              <span>
                <span className="font-medium">{label}</span>
                <span className="block text-zinc-500 dark:text-zinc-400">{hint}</span>
              </span>
            </label>
          ))}
          {update.isError ? (
            <Alert tone="error">{describeApiError(update.error).message}</Alert>
          ) : null}
        </fieldset>
      )}
    </Card>
  );
}
