"use client";

import { useState } from "react";
import { SchemaForm } from "~/components/forms/schema-form.tsx";
import { SelectField } from "~/components/forms/select-field.tsx";
import { TextField } from "~/components/forms/text-field.tsx";
import { TextareaField } from "~/components/forms/textarea-field.tsx";
import { useFormErrors } from "~/components/forms/use-form-errors.ts";
import { Button } from "~/components/ui/button.tsx";
import { Dialog } from "~/components/ui/dialog.tsx";
import type { TaskLabel, TaskStatus } from "@tesseract/validators";
import { LabelPicker } from "~/components/labels/label-picker.tsx";
import { priorityLabels, statusLabels, TASK_PRIORITIES, TASK_STATUSES } from "~/lib/tasks.ts";
import { boardStatusesQuery } from "~/lib/board-query.ts";
import { CATEGORY_STATUS } from "~/lib/workflow.ts";
import { invalidateProjectTasks } from "~/lib/task-cache.ts";
import { trpc } from "~/trpc/react.tsx";
import { useMemberOptions } from "./use-member-options.ts";

/** A field's first error, including those on its items ("labelIds.2" belongs to labelIds). */
function fieldError(fields: Record<string, string>, name: string): string | undefined {
  const key = Object.keys(fields).find((path) => path === name || path.startsWith(`${name}.`));
  return key ? fields[key] : undefined;
}

/**
 * The assignee choice. Its own component so the member list is asked for only while the dialog
 * is open: a closed dialog in the project header must not put an empty `member.list` entry in the
 * cache before the page's prefetched one hydrates (React Query then defers that hydration to an
 * effect, and the list page's filters render without their members: a hydration mismatch).
 */
function AssigneeField({ orgId, error }: { orgId: string; error: string | undefined }) {
  const members = useMemberOptions(orgId);
  return (
    <SelectField
      name="assigneeId"
      label="Assignee"
      defaultValue=""
      options={members.options}
      hint={members.problem}
      error={error}
    />
  );
}

/**
 * The status choice: the project's own statuses, starting at the first "unstarted" one (Todo
 * in a new project). Asked for only while the dialog is open, as the assignees are (see
 * AssigneeField). Until they load, or if they cannot, the five categories stand in; a category
 * chosen meanwhile carries over to the first of the project's statuses in it.
 */
function StatusField({
  orgId,
  projectId,
  errors,
}: {
  orgId: string;
  projectId: string;
  errors: Record<string, string>;
}) {
  const statuses = trpc.status.list.useQuery(boardStatusesQuery(orgId, projectId));
  const [category, setCategory] = useState<TaskStatus>("todo");
  if (statuses.data?.length) {
    const first =
      statuses.data.find((status) => CATEGORY_STATUS[status.category] === category) ??
      statuses.data.find((status) => status.category === "unstarted");
    return (
      <SelectField
        // A new element once loaded, so its default is the project's, not the stand-in's.
        key="statusId"
        name="statusId"
        label="Status"
        defaultValue={(first ?? statuses.data[0])?.id}
        options={statuses.data.map((status) => ({ value: status.id, label: status.name }))}
        error={errors.statusId ?? errors.status}
      />
    );
  }
  return (
    <SelectField
      key="status"
      name="status"
      label="Status"
      value={category}
      onChange={(event) => {
        setCategory(event.target.value as TaskStatus);
      }}
      options={TASK_STATUSES.map((value) => ({ value, label: statusLabels[value] }))}
      hint={
        statuses.isError
          ? "The project's statuses could not be loaded; choose a category."
          : "Loading the project's statuses…"
      }
      error={errors.status}
    />
  );
}

export function CreateTaskDialog({
  orgId,
  projectId,
  projectKey,
  open,
  onClose,
  onCreated,
}: {
  orgId: string;
  projectId: string;
  projectKey: string;
  open: boolean;
  onClose: () => void;
  onCreated: (key: string) => void;
}) {
  const utils = trpc.useUtils();
  const form = useFormErrors();
  const { errors } = form;
  // A new form each time the dialog opens: nothing typed last time lingers.
  const [formKey, setFormKey] = useState(0);
  const [labels, setLabels] = useState<TaskLabel[]>([]);
  const create = trpc.task.create.useMutation({
    onSuccess: async (task) => {
      onCreated(task.key);
      close();
      await Promise.all([
        invalidateProjectTasks(utils, orgId, projectId),
        utils.project.list.invalidate({ orgId }),
      ]);
    },
    onError: form.fail,
  });
  function close() {
    form.reset();
    setFormKey((key) => key + 1);
    setLabels([]);
    onClose();
  }

  return (
    <Dialog
      open={open}
      onClose={close}
      busy={create.isPending}
      size="lg"
      title={`New task in ${projectKey}`}
      testId="create-task-dialog"
    >
      <SchemaForm
        key={formKey}
        form={form}
        schema="createTaskInput"
        toInput={(fields) => ({
          orgId,
          projectId,
          title: fields.title,
          description: fields.description,
          // The project's status when chosen, else the category standing in for it.
          ...(fields.statusId ? { statusId: fields.statusId } : { status: fields.status }),
          priority: fields.priority,
          assigneeId: fields.assigneeId || null,
          dueDate: fields.dueDate || null,
          labelIds: labels.map((label) => label.id),
        })}
        onValid={create.mutate}
      >
        <TextField
          name="title"
          label="Title"
          autoComplete="off"
          error={errors.fields.title}
          required
        />
        <TextareaField
          name="description"
          label="Description"
          hint="Markdown: **bold**, _italic_, `code`, lists and [links](https://example.com)."
          rows={4}
          error={errors.fields.description}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <StatusField orgId={orgId} projectId={projectId} errors={errors.fields} />
          <SelectField
            name="priority"
            label="Priority"
            defaultValue="none"
            options={TASK_PRIORITIES.map((value) => ({ value, label: priorityLabels[value] }))}
            error={errors.fields.priority}
          />
          <AssigneeField orgId={orgId} error={errors.fields.assigneeId} />
          <TextField name="dueDate" type="date" label="Due date" error={errors.fields.dueDate} />
        </div>
        {open ? (
          <LabelPicker
            orgId={orgId}
            selected={labels}
            onChange={setLabels}
            // Whoever may create a task may define a label (both are members').
            canCreate
            error={fieldError(errors.fields, "labelIds")}
          />
        ) : null}
        <div className="flex flex-wrap justify-end gap-2">
          <Button variant="secondary" onClick={close} disabled={create.isPending}>
            Cancel
          </Button>
          <Button type="submit" pending={create.isPending} pendingLabel="Creating…">
            Create task
          </Button>
        </div>
      </SchemaForm>
    </Dialog>
  );
}
