import type { ReactNode } from "react";

export function AuthCard({
  title,
  description,
  children,
  footer,
}: {
  title: string;
  description?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}) {
  return (
    <div className="space-y-6">
      <div className="space-y-2 text-center">
        <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
        {description ? <p className="text-zinc-600 dark:text-zinc-400">{description}</p> : null}
      </div>
      <div className="rounded-xl border border-zinc-200 bg-white p-5 shadow-sm sm:p-6 dark:border-zinc-800 dark:bg-zinc-900/40">
        {children}
      </div>
      {footer ? (
        <div className="space-y-1 text-center text-sm text-zinc-600 dark:text-zinc-400">
          {footer}
        </div>
      ) : null}
    </div>
  );
}
