"use client";

import type { TaskLabel } from "@tesseract/validators";
import { useState } from "react";
import { LabelPicker } from "~/components/labels/label-picker.tsx";
import type { TaskSaver } from "./use-update-task.ts";

/** The task page's labels: each pick or removal saved at once. */
export function LabelsEditor({
  orgId,
  labels,
  saver,
}: {
  orgId: string;
  labels: TaskLabel[];
  saver: TaskSaver;
}) {
  const [error, setError] = useState<string | null>(null);
  return (
    <LabelPicker
      orgId={orgId}
      inputId="field-labels"
      selected={labels}
      // Whoever may edit a task may define a label (label.write and task.write are both members').
      canCreate
      error={error}
      onChange={(next) => {
        setError(saver.save({ labelIds: next.map((label) => label.id) }, { labels: next }));
      }}
    />
  );
}
