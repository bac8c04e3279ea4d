"use client";

import { useEffect, useRef } from "react";

/** The header box: checked when every loaded row is selected, mixed when some are. */
export function SelectAllBox({
  count,
  total,
  onChange,
}: {
  count: number;
  total: number;
  onChange: (on: boolean) => void;
}) {
  const ref = useRef<HTMLInputElement>(null);
  const isMixed = count > 0 && count < total;
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = isMixed;
  }, [isMixed]);
  return (
    <input
      ref={ref}
      type="checkbox"
      aria-label="Select all loaded tasks"
      checked={total > 0 && count === total}
      onChange={(event) => {
        onChange(event.target.checked);
      }}
      className="size-4 rounded border-zinc-300 dark:border-zinc-700"
    />
  );
}
