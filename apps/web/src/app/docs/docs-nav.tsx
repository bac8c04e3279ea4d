import Link from "next/link";

const LINKS = [
  { href: "/docs", label: "API reference" },
  { href: "/docs/guide", label: "Guide: tokens, limits, idempotency, pages" },
] as const;

/** The two documentation pages, side by side; the current one is marked for screen readers. */
export function DocsNav({ current }: { current: (typeof LINKS)[number]["href"] }) {
  return (
    <nav aria-label="Documentation" className="flex flex-wrap gap-2 text-sm">
      {LINKS.map(({ href, label }) => (
        <Link
          key={href}
          href={href}
          aria-current={href === current ? "page" : undefined}
          className="rounded-md px-3 py-1.5 text-zinc-700 hover:bg-zinc-100 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none aria-[current=page]:bg-zinc-900 aria-[current=page]:text-white dark:text-zinc-300 dark:hover:bg-zinc-800 dark:aria-[current=page]:bg-zinc-100 dark:aria-[current=page]:text-zinc-900"
        >
          {label}
        </Link>
      ))}
      <a
        href="/openapi.json"
        className="rounded-md px-3 py-1.5 text-zinc-700 hover:bg-zinc-100 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none dark:text-zinc-300 dark:hover:bg-zinc-800"
      >
        openapi.json
      </a>
    </nav>
  );
}
