"use client";

/** A set of checkboxes drawn as chips: any number may be on; none means "all". */
export function ChipGroup<T extends string>({
  legend,
  options,
  selected,
  onToggle,
}: {
  legend: string;
  options: readonly { value: T; label: string }[];
  selected: readonly T[];
  /** Reports one chip turned on or off (not a whole new selection, which could be stale). */
  onToggle: (value: T, isOn: boolean) => void;
}) {
  return (
    <fieldset className="min-w-0">
      <legend className="mb-1.5 text-xs font-medium text-zinc-600 dark:text-zinc-400">
        {legend}
      </legend>
      <div className="flex flex-wrap gap-1.5">
        {options.map((option) => {
          const isOn = selected.includes(option.value);
          return (
            <label key={option.value} className="cursor-pointer">
              <input
                type="checkbox"
                className="peer sr-only"
                checked={isOn}
                onChange={() => {
                  onToggle(option.value, !isOn);
                }}
              />
              <span className="inline-flex items-center rounded-full border border-zinc-300 bg-white px-2.5 py-1 text-xs font-medium text-zinc-700 transition-colors peer-checked:border-indigo-600 peer-checked:bg-indigo-600 peer-checked:text-white peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-indigo-500 hover:border-zinc-400 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-300 dark:peer-checked:border-indigo-500 dark:peer-checked:bg-indigo-500 dark:peer-checked:text-white">
                {option.label}
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
