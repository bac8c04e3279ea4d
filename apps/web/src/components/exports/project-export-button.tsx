"use client";

import type { Route } from "next";
import Link from "next/link";
import { useId, useState } from "react";
import { Alert } from "~/components/ui/alert.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Dialog } from "~/components/ui/dialog.tsx";
import { describeApiError } from "~/lib/api-error.ts";
import { trpc } from "~/trpc/react.tsx";
import { OrgExportStatus } from "./org-export-status.tsx";

const FORMATS = [
  { value: "csv", label: "CSV", hint: "One row per task, for spreadsheets" },
  { value: "json", label: "JSON", hint: "Tasks with their comments, for programs" },
] as const;

/** "Export": choose CSV or JSON, start the export, follow it, then download it. */
export function ProjectExportButton({
  orgId,
  projectId,
  projectKey,
}: {
  orgId: string;
  projectId: string;
  projectKey: string;
}) {
  const [open, setOpen] = useState(false);
  const [format, setFormat] = useState<"csv" | "json">("csv");
  const [exportId, setExportId] = useState<string | null>(null);
  const legendId = useId();
  const start = trpc.project.export.useMutation({
    onSuccess: (view) => {
      setExportId(view.id);
    },
  });
  const close = () => {
    setOpen(false);
    setExportId(null);
    start.reset();
  };

  return (
    <>
      <Button
        variant="secondary"
        onClick={() => {
          setOpen(true);
        }}
      >
        Export
      </Button>
      <Dialog
        open={open}
        onClose={close}
        title={`Export ${projectKey}`}
        description="The file is made in the background; you can close this and come back from the link we email you."
        testId="export-dialog"
      >
        {exportId ? (
          <div className="space-y-4">
            <OrgExportStatus orgId={orgId} exportId={exportId} />
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              <Link
                href={`/orgs/${orgId}/exports/${exportId}` as Route}
                className="font-medium text-indigo-700 underline underline-offset-2 dark:text-indigo-300"
              >
                Open this export&rsquo;s page
              </Link>
            </p>
          </div>
        ) : (
          <form
            className="space-y-4"
            onSubmit={(event) => {
              event.preventDefault();
              start.mutate({ orgId, projectId, format });
            }}
          >
            <fieldset aria-labelledby={legendId} className="space-y-2">
              <legend id={legendId} className="text-sm font-medium">
                Format
              </legend>
              {FORMATS.map((option) => (
                <label
                  key={option.value}
                  className="flex cursor-pointer items-start gap-3 rounded-lg border border-zinc-200 p-3 has-[:checked]:border-indigo-500 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-indigo-500 dark:border-zinc-800 dark:has-[:checked]:border-indigo-400"
                >
                  <input
                    type="radio"
                    name="format"
                    value={option.value}
                    checked={format === option.value}
                    onChange={() => {
                      setFormat(option.value);
                    }}
                    className="mt-1 accent-indigo-600"
                  />
                  <span>
                    <span className="block text-sm font-medium">{option.label}</span>
                    <span className="block text-sm text-zinc-600 dark:text-zinc-400">
                      {option.hint}
                    </span>
                  </span>
                </label>
              ))}
            </fieldset>
            {start.isError ? (
              <Alert tone="error">{describeApiError(start.error).message}</Alert>
            ) : null}
            <div className="flex justify-end gap-2">
              <Button variant="secondary" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" pending={start.isPending}>
                Start export
              </Button>
            </div>
          </form>
        )}
        {exportId ? (
          <div className="flex justify-end">
            <Button variant="secondary" onClick={close}>
              Close
            </Button>
          </div>
        ) : null}
      </Dialog>
    </>
  );
}
