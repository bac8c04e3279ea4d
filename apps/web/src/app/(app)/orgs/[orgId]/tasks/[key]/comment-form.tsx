"use client";

import { useState } from "react";
import { FormAlert } from "~/components/forms/form-alert.tsx";
import { useFormErrors } from "~/components/forms/use-form-errors.ts";
import { Button } from "~/components/ui/button.tsx";
import { trpc } from "~/trpc/react.tsx";
import { MarkdownEditor } from "./markdown-editor.tsx";

export function CommentForm({ orgId, taskId }: { orgId: string; taskId: string }) {
  const utils = trpc.useUtils();
  const [body, setBody] = useState("");
  // Remounts the editor after posting, so it goes back to "Write".
  const [round, setRound] = useState(0);
  const { errors, check, fail } = useFormErrors();
  const create = trpc.comment.create.useMutation({
    onSuccess: async () => {
      setBody("");
      setRound((n) => n + 1);
      await Promise.all([
        utils.comment.list.invalidate({ orgId, taskId }),
        utils.task.activity.invalidate({ orgId, taskId }),
      ]);
    },
    onError: fail,
  });

  return (
    <form
      method="post"
      noValidate
      aria-label="Add a comment"
      className="space-y-3 rounded-xl border border-zinc-200 p-3 dark:border-zinc-800"
      onSubmit={(event) => {
        event.preventDefault();
        check("createCommentInput", { orgId, taskId, body }, event.currentTarget, (input) => {
          create.mutate(input);
        });
      }}
    >
      <FormAlert errors={errors} />
      <MarkdownEditor
        key={round}
        name="body"
        label="Comment"
        value={body}
        onChange={setBody}
        rows={3}
        error={errors.fields.body}
        mentionOrgId={orgId}
      />
      <div className="flex items-center justify-end gap-3">
        <p className="hidden text-xs text-zinc-500 sm:block dark:text-zinc-400">
          Ctrl+Enter to post
        </p>
        <Button type="submit" pending={create.isPending}>
          {create.isPending ? "Posting…" : "Comment"}
        </Button>
      </div>
    </form>
  );
}
