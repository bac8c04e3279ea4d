"use client";

import { JOB_STATE_FILTERS } from "@tesseract/validators/constants";
import { useState } from "react";
import { SelectField } from "~/components/forms/select-field.tsx";
import { TextField } from "~/components/forms/text-field.tsx";
import { QueryError } from "~/components/query-error.tsx";
import { Button } from "~/components/ui/button.tsx";
import { trpc } from "~/trpc/react.tsx";
import { JobRow } from "./job-row.tsx";
import { ListCard } from "./list-card.tsx";

type State = (typeof JOB_STATE_FILTERS)[number];
const PAGE_SIZE = 25;

/** Recent jobs (filtered by state and type), or only the failed ones, newest first. */
export function JobsCard({
  id,
  title,
  failedOnly = false,
}: {
  id: string;
  title: string;
  failedOnly?: boolean;
}) {
  const [state, setState] = useState<State | "">("");
  const [type, setType] = useState("");
  const filter = { limit: PAGE_SIZE, ...(type.trim() ? { type: type.trim() } : {}) };
  const options = { getNextPageParam: (page: { nextCursor: number | null }) => page.nextCursor };
  const failed = trpc.admin.jobs.failed.useInfiniteQuery(filter, {
    ...options,
    enabled: failedOnly,
  });
  const recent = trpc.admin.jobs.list.useInfiniteQuery(
    { ...filter, ...(state ? { state } : {}) },
    { ...options, enabled: !failedOnly },
  );
  const query = failedOnly ? failed : recent;
  const jobs = query.data?.pages.flatMap((page) => page.jobs) ?? [];

  return (
    <ListCard
      id={id}
      title={title}
      query={query}
      count={jobs.length}
      emptyTitle={failedOnly ? "No failed jobs" : "No jobs match"}
      listTestId={`${id}-list`}
      above={
        <div className="flex flex-wrap gap-3">
          {failedOnly ? null : (
            <SelectField
              id={`${id}-state`}
              name="state"
              label="State"
              value={state}
              onChange={(event) => {
                setState(event.target.value as State | "");
              }}
              options={[
                { value: "", label: "Any" },
                ...JOB_STATE_FILTERS.map((s) => ({ value: s, label: s })),
              ]}
            />
          )}
          <TextField
            id={`${id}-type`}
            name="type"
            label="Type"
            placeholder="mail.send"
            value={type}
            onChange={(event) => {
              setType(event.target.value);
            }}
          />
        </div>
      }
      below={
        <>
          {query.isFetchNextPageError ? (
            <QueryError error={query.error} onRetry={() => void query.fetchNextPage()} />
          ) : null}
          {query.hasNextPage ? (
            <div className="flex justify-center">
              <Button
                variant="secondary"
                pending={query.isFetchingNextPage}
                onClick={() => void query.fetchNextPage()}
              >
                Older jobs
              </Button>
            </div>
          ) : null}
        </>
      }
    >
      {jobs.map((job) => (
        <JobRow key={job.id} job={job} />
      ))}
    </ListCard>
  );
}
