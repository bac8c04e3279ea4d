import Link from "next/link";
import { buttonClasses } from "~/components/ui/button.tsx";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-md space-y-4 py-10 text-center">
      <h1 className="text-2xl font-semibold tracking-tight">Page not found</h1>
      <p className="text-zinc-600 dark:text-zinc-400">There is nothing at this address.</p>
      <Link href="/" className={buttonClasses("secondary")}>
        Go home
      </Link>
    </div>
  );
}
