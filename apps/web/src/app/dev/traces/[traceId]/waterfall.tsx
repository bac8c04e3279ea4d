import type { RouterOutputs } from "~/trpc/types.ts";

type Span = RouterOutputs["dev"]["trace"][number];

/** Spans in tree order (each under its parent), with their depth. */
function inTreeOrder(spans: Span[]): { span: Span; depth: number }[] {
  const ids = new Set(spans.map((span) => span.spanId));
  const children = Map.groupBy(spans, (span) =>
    span.parentSpanId && ids.has(span.parentSpanId) ? span.parentSpanId : "root",
  );
  const ordered: { span: Span; depth: number }[] = [];
  const visit = (parent: string, depth: number) => {
    for (const span of children.get(parent) ?? []) {
      ordered.push({ span, depth });
      visit(span.spanId, depth + 1);
    }
  };
  visit("root", 0);
  return ordered;
}

/** Each span as a bar placed on the trace's timeline; its attributes fold out beneath it. */
export function Waterfall({ spans }: { spans: Span[] }) {
  const start = Math.min(...spans.map((span) => span.startMs));
  const end = Math.max(...spans.map((span) => span.startMs + span.durationMs));
  const total = Math.max(end - start, 0.001);
  return (
    <ol
      aria-label={`${spans.length} spans over ${total.toFixed(1)} ms`}
      className="space-y-1 rounded-xl border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900/40"
      data-testid="waterfall"
    >
      {inTreeOrder(spans).map(({ span, depth }) => {
        const left = ((span.startMs - start) / total) * 100;
        const width = Math.max((span.durationMs / total) * 100, 0.5);
        const bar =
          span.status === "error"
            ? "bg-rose-500"
            : span.name.startsWith("job ")
              ? "bg-amber-500"
              : span.name.startsWith("trpc ")
                ? "bg-indigo-500"
                : "bg-emerald-500";
        return (
          <li key={span.spanId} data-testid="waterfall-span" data-name={span.name}>
            <details>
              <summary className="grid cursor-pointer list-none grid-cols-[minmax(0,2fr)_minmax(0,3fr)_7rem] items-center gap-3 rounded text-sm focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none">
                <span className="truncate font-mono" style={{ paddingLeft: `${depth}rem` }}>
                  {span.name}
                  {span.service !== "tesseract-server" ? (
                    <span className="ml-2 text-xs text-zinc-500">{span.service}</span>
                  ) : null}
                </span>
                <span
                  className="relative h-3 rounded bg-zinc-100 dark:bg-zinc-800"
                  aria-hidden="true"
                >
                  <span
                    className={`absolute inset-y-0 rounded ${bar}`}
                    style={{ left: `${left}%`, width: `${width}%` }}
                  />
                </span>
                <span className="text-right whitespace-nowrap tabular-nums">
                  {span.durationMs.toFixed(2)} ms
                </span>
              </summary>
              <dl className="mt-1 mb-2 grid grid-cols-[max-content_1fr] gap-x-3 pl-4 font-mono text-xs text-zinc-600 dark:text-zinc-400">
                {Object.entries(span.attributes).map(([key, value]) => (
                  <div key={key} className="contents">
                    <dt>{key}</dt>
                    <dd className="break-all">{String(value)}</dd>
                  </div>
                ))}
              </dl>
            </details>
          </li>
        );
      })}
    </ol>
  );
}
