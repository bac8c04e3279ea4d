"use client";

import { useId, useState } from "react";
import { LazyMarkdown as Markdown } from "~/components/lazy-markdown.tsx";
import { TextareaField } from "~/components/forms/textarea-field.tsx";
import { useMentionAutocomplete } from "./use-mention-autocomplete.tsx";

/**
 * A markdown textarea with a Write / Preview switch; Ctrl+Enter (⌘+Enter) submits its form.
 * Given the organization, typing `@` suggests its members to mention.
 */
export function MarkdownEditor({
  name,
  label,
  value,
  onChange,
  error,
  rows = 6,
  autoFocus = false,
  mentionOrgId,
}: {
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  rows?: number;
  autoFocus?: boolean;
  mentionOrgId?: string;
}) {
  const [isPreview, setIsPreview] = useState(false);
  const id = useId();
  const mention = useMentionAutocomplete({ orgId: mentionOrgId, value, onChange, inputId: id });
  const tab =
    "rounded-md px-2.5 py-1 text-xs font-medium text-zinc-600 aria-pressed:bg-white aria-pressed:text-zinc-900 aria-pressed:shadow-sm dark:text-zinc-400 dark:aria-pressed:bg-zinc-800 dark:aria-pressed:text-zinc-50";
  return (
    <div className="space-y-2">
      <div className="flex items-center justify-between gap-2">
        <div className="inline-flex rounded-lg bg-zinc-100 p-0.5 dark:bg-zinc-900">
          <button
            type="button"
            aria-pressed={!isPreview}
            className={tab}
            onClick={() => {
              setIsPreview(false);
            }}
          >
            Write
          </button>
          <button
            type="button"
            aria-pressed={isPreview}
            className={tab}
            onClick={() => {
              setIsPreview(true);
            }}
          >
            Preview
          </button>
        </div>
        <p className="text-xs text-zinc-500 dark:text-zinc-400">Markdown supported</p>
      </div>
      {isPreview ? (
        <div className="min-h-24 rounded-lg border border-zinc-200 px-3 py-2 dark:border-zinc-800">
          {value.trim() ? (
            <Markdown>{value}</Markdown>
          ) : (
            <p className="text-sm text-zinc-500 dark:text-zinc-400">Nothing to preview.</p>
          )}
        </div>
      ) : (
        <div className="relative">
          <TextareaField
            id={id}
            name={name}
            label={label}
            hideLabel
            rows={rows}
            value={value}
            autoFocus={autoFocus}
            onChange={(event) => {
              onChange(event.target.value);
              mention.update(event.currentTarget);
            }}
            onSelect={(event) => {
              mention.update(event.currentTarget);
            }}
            onBlur={mention.close}
            onKeyDown={(event) => {
              if (mention.onKeyDown(event)) return;
              if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                event.currentTarget.form?.requestSubmit();
              }
            }}
            error={error}
            {...mention.inputProps}
          />
          {mention.listbox}
        </div>
      )}
      {isPreview && error ? (
        <p className="text-sm text-rose-700 dark:text-rose-300">{error}</p>
      ) : null}
    </div>
  );
}
