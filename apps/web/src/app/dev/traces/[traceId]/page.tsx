import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "~/components/ui/page-header.tsx";
import { getServerClient } from "~/trpc/request.ts";
import { devOnly } from "../../load.ts";
import { Waterfall } from "./waterfall.tsx";

export const metadata: Metadata = { title: "Trace", robots: { index: false } };
export const dynamic = "force-dynamic";

const TRACE_ID = /^[0-9a-f]{32}$/;

/** One trace as a waterfall: the request, its procedures, their queries, and the jobs it caused. */
export default async function TracePage({ params }: PageProps<"/dev/traces/[traceId]">) {
  const { traceId } = await params;
  if (!TRACE_ID.test(traceId)) notFound();
  const spans = await devOnly(() => getServerClient().dev.trace.query({ traceId }));
  return (
    <div className="space-y-6">
      <PageHeader
        title={spans[0]?.name ?? "Trace"}
        description={<span className="font-mono">{traceId}</span>}
        actions={
          <Link
            href="/dev"
            className="text-sm font-medium text-indigo-600 hover:underline dark:text-indigo-400"
          >
            Back to the dashboard
          </Link>
        }
      />
      <Waterfall spans={spans} />
    </div>
  );
}
