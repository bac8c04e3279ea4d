"use client";

import { useState } from "react";
import { LazyMarkdown as Markdown } from "~/components/lazy-markdown.tsx";
import type { TaskDetail } from "~/components/tasks/types.ts";
import { Button } from "~/components/ui/button.tsx";
import { toggleTaskItem } from "~/lib/task-list.ts";
import { MarkdownEditor } from "./markdown-editor.tsx";
import type { TaskSaver } from "./use-update-task.ts";

export function TaskDescription({
  orgId,
  task,
  saver,
  canEdit,
}: {
  orgId: string;
  task: TaskDetail;
  saver: TaskSaver;
  canEdit: boolean;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  // The description the draft was started from: the save is refused if it changed meanwhile.
  const [base, setBase] = useState("");
  const [error, setError] = useState<string | undefined>();
  const cancel = () => {
    setDraft(null);
    setError(undefined);
  };

  return (
    <section aria-labelledby="description-heading" className="space-y-3">
      <div className="flex items-center justify-between gap-2">
        <h2 id="description-heading" className="text-base font-semibold tracking-tight">
          Description
        </h2>
        {canEdit && draft === null ? (
          <Button
            size="sm"
            variant="ghost"
            onClick={() => {
              setDraft(task.description);
              setBase(task.description);
            }}
          >
            {task.description ? "Edit" : "Add"}
            <span className="sr-only"> description</span>
          </Button>
        ) : null}
      </div>
      {draft !== null ? (
        <form
          className="space-y-3"
          onSubmit={(event) => {
            event.preventDefault();
            const typed = draft;
            const problem = saver.save({ description: typed, descriptionBefore: base }, {}, () => {
              // Refused (someone else changed it, say): the text typed is not lost.
              setDraft(typed);
            });
            if (problem) setError(problem);
            else cancel();
          }}
        >
          <MarkdownEditor
            name="description"
            label="Description"
            value={draft}
            onChange={setDraft}
            error={error}
            rows={10}
            autoFocus
            mentionOrgId={orgId}
          />
          <div className="flex gap-2">
            <Button type="submit" size="sm">
              Save description
            </Button>
            <Button size="sm" variant="secondary" onClick={cancel}>
              Cancel
            </Button>
          </div>
        </form>
      ) : task.description ? (
        <div data-testid="task-description">
          <Markdown
            onToggleTask={
              canEdit
                ? (offset) => {
                    // Through the same save as an edit: the page shows it at once and goes
                    // back, with the reason, if the API refuses.
                    const next = toggleTaskItem(task.description, offset);
                    if (next !== null)
                      saver.save({ description: next, descriptionBefore: task.description });
                  }
                : undefined
            }
          >
            {task.description}
          </Markdown>
        </div>
      ) : (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">No description.</p>
      )}
    </section>
  );
}
