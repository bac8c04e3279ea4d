import Link from "next/link";
import { getMe } from "~/trpc/session.ts";

const pillars = [
  {
    title: "Workspaces for teams",
    body: "Organizations run projects and tasks together: a board and a list per project, comments, roles and an activity log.",
  },
  {
    title: "Find anything",
    body: "Full-text search over titles, descriptions and comments, with filters and sorting kept in the URL.",
  },
  {
    title: "One typed API",
    body: "The web app and your scripts call the same tRPC router, checked end to end, with API tokens per organization.",
  },
];

export default async function HomePage() {
  const me = await getMe().catch(() => null);
  return (
    <div className="space-y-12">
      <section className="space-y-5">
        <p className="text-sm font-medium text-indigo-600 dark:text-indigo-400">
          Multi-tenant SaaS, end to end in TypeScript
        </p>
        <h1 className="max-w-2xl text-3xl font-semibold tracking-tight text-balance sm:text-4xl">
          Team workspaces for projects and tasks, on an end-to-end typesafe API.
        </h1>
        <p className="max-w-2xl text-zinc-600 dark:text-zinc-400">
          Use it as it is, or fork it as the foundation of your own multi-tenant SaaS: PostgreSQL,
          Redis, S3 and SQS behind one tRPC router, and this Next.js app in front of it.
        </p>
        <div className="flex flex-wrap gap-3">
          <Link
            href={me ? "/orgs" : "/sign-up"}
            className="inline-flex items-center gap-2 rounded-lg bg-indigo-600 px-4 py-2 text-sm font-medium text-white shadow-sm transition-colors hover:bg-indigo-500"
          >
            {me ? "Go to your organizations" : "Get started"} <span aria-hidden="true">→</span>
          </Link>
          <Link
            href="/status"
            className="inline-flex items-center gap-2 rounded-lg border border-zinc-300 px-4 py-2 text-sm font-medium text-zinc-800 transition-colors hover:bg-zinc-50 dark:border-zinc-700 dark:text-zinc-200 dark:hover:bg-zinc-900"
          >
            See system status
          </Link>
        </div>
      </section>

      <ul className="grid gap-4 sm:grid-cols-3">
        {pillars.map(({ title, body }) => (
          <li
            key={title}
            className="rounded-xl border border-zinc-200 p-5 dark:border-zinc-800 dark:bg-zinc-900/40"
          >
            <h2 className="font-medium">{title}</h2>
            <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">{body}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
