"use client";

import { useState } from "react";
import { getSchema } from "~/components/forms/schemas.ts";
import { LazyMarkdown as Markdown } from "~/components/lazy-markdown.tsx";
import { Alert } from "~/components/ui/alert.tsx";
import { Button } from "~/components/ui/button.tsx";
import { ConfirmDialog } from "~/components/ui/confirm-dialog.tsx";
import { LocalTime } from "~/components/ui/local-time.tsx";
import { describeApiError } from "~/lib/api-error.ts";
import { trpc } from "~/trpc/react.tsx";
import type { RouterOutputs } from "~/trpc/types.ts";
import { MarkdownEditor } from "./markdown-editor.tsx";

type Comment = RouterOutputs["comment"]["list"]["items"][number];

export function CommentItem({
  orgId,
  comment,
  canChange,
}: {
  orgId: string;
  comment: Comment;
  /** The author, or an admin moderating. */
  canChange: boolean;
}) {
  const utils = trpc.useUtils();
  const [draft, setDraft] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [isDeleting, setIsDeleting] = useState(false);
  const refresh = () =>
    Promise.all([
      utils.comment.list.invalidate({ orgId, taskId: comment.taskId }),
      utils.task.activity.invalidate({ orgId, taskId: comment.taskId }),
    ]);
  const update = trpc.comment.update.useMutation({
    onSuccess: async () => {
      setDraft(null);
      await refresh();
    },
  });
  const remove = trpc.comment.delete.useMutation({
    onSuccess: async () => {
      setIsDeleting(false);
      await refresh();
    },
  });
  const isEdited = comment.updatedAt.getTime() - comment.createdAt.getTime() > 1000;

  return (
    <li
      data-testid="comment"
      className="rounded-xl border border-zinc-200 bg-white p-3 sm:p-4 dark:border-zinc-800 dark:bg-zinc-900/40"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
        <p className="text-sm">
          <span className="font-medium">{comment.authorName ?? "A former member"}</span>{" "}
          <span className="text-xs text-zinc-500 dark:text-zinc-400">
            <LocalTime date={comment.createdAt} />
            {isEdited ? " · edited" : ""}
          </span>
        </p>
        {canChange && draft === null ? (
          <div className="flex gap-1">
            <Button
              size="sm"
              variant="ghost"
              onClick={() => {
                update.reset();
                setDraft(comment.body);
              }}
            >
              Edit<span className="sr-only"> comment</span>
            </Button>
            <Button
              size="sm"
              variant="ghost"
              onClick={() => {
                remove.reset();
                setIsDeleting(true);
              }}
            >
              Delete<span className="sr-only"> comment</span>
            </Button>
          </div>
        ) : null}
      </div>
      {draft !== null ? (
        <form
          className="mt-3 space-y-3"
          onSubmit={(event) => {
            event.preventDefault();
            const input = { orgId, commentId: comment.id, body: draft };
            void getSchema("updateCommentInput").then((schema) => {
              const parsed = schema.safeParse(input);
              if (!parsed.success) {
                setFieldError(parsed.error.issues[0]?.message);
                return;
              }
              setFieldError(undefined);
              update.mutate(input);
            });
          }}
        >
          {update.isError ? (
            <Alert tone="error">{describeApiError(update.error).message}</Alert>
          ) : null}
          <MarkdownEditor
            name="body"
            label="Edit comment"
            value={draft}
            onChange={setDraft}
            rows={3}
            error={fieldError}
            autoFocus
          />
          <div className="flex gap-2">
            <Button type="submit" size="sm" pending={update.isPending}>
              Save
            </Button>
            <Button
              size="sm"
              variant="secondary"
              onClick={() => {
                setDraft(null);
                setFieldError(undefined);
              }}
            >
              Cancel
            </Button>
          </div>
        </form>
      ) : (
        <Markdown className="mt-2">{comment.body}</Markdown>
      )}
      <ConfirmDialog
        open={isDeleting}
        title="Delete this comment?"
        confirmLabel="Delete comment"
        pending={remove.isPending}
        onCancel={() => {
          setIsDeleting(false);
        }}
        onConfirm={() => {
          remove.mutate({ orgId, commentId: comment.id });
        }}
      >
        <p>It is removed for everyone. This cannot be undone.</p>
        {remove.isError ? (
          <Alert tone="error">{describeApiError(remove.error).message}</Alert>
        ) : null}
      </ConfirmDialog>
    </li>
  );
}
