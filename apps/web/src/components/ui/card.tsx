import type { ReactNode } from "react";

/** A titled panel of a page: a <section> named by its heading. */
export function Card({
  id,
  title,
  description,
  actions,
  children,
  tone = "default",
}: {
  id: string;
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  children?: ReactNode;
  tone?: "default" | "danger";
}) {
  const border =
    tone === "danger"
      ? "border-rose-200 dark:border-rose-500/30"
      : "border-zinc-200 dark:border-zinc-800";
  return (
    <section
      aria-labelledby={`${id}-heading`}
      className={`rounded-xl border ${border} bg-white p-4 sm:p-6 dark:bg-zinc-900/40`}
    >
      <div className={`flex flex-wrap items-start justify-between gap-3 ${children ? "mb-4" : ""}`}>
        <div className="min-w-0 space-y-1">
          <h2 id={`${id}-heading`} className="text-base font-semibold tracking-tight">
            {title}
          </h2>
          {description ? (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">{description}</p>
          ) : null}
        </div>
        {actions}
      </div>
      {children}
    </section>
  );
}
