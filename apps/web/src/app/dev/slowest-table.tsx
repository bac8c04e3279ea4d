import Link from "next/link";
import type { RouterOutputs } from "~/trpc/types.ts";

type Row = RouterOutputs["dev"]["slowest"][number];

export function SlowestTable({ rows }: { rows: Row[] }) {
  const cell = "px-2 py-1.5 text-right tabular-nums";
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" data-testid="dev-slowest">
        <thead className="text-left text-zinc-500 dark:text-zinc-400">
          <tr>
            <th scope="col" className="px-2 py-1.5 font-medium">
              Procedure
            </th>
            <th scope="col" className={`${cell} font-medium`}>
              Calls
            </th>
            <th scope="col" className={`${cell} font-medium`}>
              Errors
            </th>
            <th scope="col" className={`${cell} font-medium`}>
              p50 ms
            </th>
            <th scope="col" className={`${cell} font-medium`}>
              p95 ms
            </th>
            <th scope="col" className={`${cell} font-medium`}>
              Slowest
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {rows.map((row) => (
            <tr key={row.procedure}>
              <th scope="row" className="px-2 py-1.5 text-left font-mono font-normal">
                {row.procedure}
              </th>
              <td className={cell}>{row.calls}</td>
              <td className={cell}>{row.errors}</td>
              <td className={cell}>{row.p50Ms.toFixed(1)}</td>
              <td className={cell}>{row.p95Ms.toFixed(1)}</td>
              <td className={cell}>
                <Link
                  href={`/dev/traces/${row.slowestTraceId}`}
                  className="font-medium text-indigo-600 hover:underline dark:text-indigo-400"
                >
                  {row.maxMs.toFixed(1)}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
