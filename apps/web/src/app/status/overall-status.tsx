import type { RouterOutputs } from "~/trpc/types.ts";

/** The API's own verdict, or "unreachable" when the latest refresh got no answer at all. */
export type OverallStatusValue = RouterOutputs["system"]["health"]["status"] | "unreachable";

const summaries: Record<OverallStatusValue, { title: string; body: string; tone: string }> = {
  ok: {
    title: "All systems operational",
    body: "Every service answered its health check.",
    tone: "border-emerald-200 bg-emerald-50 text-emerald-900 dark:border-emerald-500/20 dark:bg-emerald-500/10 dark:text-emerald-100",
  },
  degraded: {
    title: "Partially degraded",
    body: "Some services are failing their health checks; parts of Tesseract may not work.",
    tone: "border-amber-200 bg-amber-50 text-amber-900 dark:border-amber-500/20 dark:bg-amber-500/10 dark:text-amber-100",
  },
  down: {
    title: "Major outage",
    body: "The API cannot reach the services it needs.",
    tone: "border-rose-200 bg-rose-50 text-rose-900 dark:border-rose-500/20 dark:bg-rose-500/10 dark:text-rose-100",
  },
  unreachable: {
    title: "API server unreachable",
    body: "The last refresh got no answer. The services below are from the last successful check; the page keeps trying.",
    tone: "border-zinc-300 bg-zinc-100 text-zinc-900 dark:border-zinc-700 dark:bg-zinc-800/60 dark:text-zinc-100",
  },
};

export function OverallStatus({ status }: { status: OverallStatusValue }) {
  const { title, body, tone } = summaries[status];
  return (
    <div
      data-testid="overall-status"
      data-status={status}
      role="status"
      className={`rounded-xl border px-5 py-4 ${tone}`}
    >
      <p className="font-semibold">{title}</p>
      <p className="mt-1 text-sm opacity-80">{body}</p>
    </div>
  );
}
