import Link from "next/link";
import { buttonClasses } from "~/components/ui/button.tsx";

export default function OrgNotFound() {
  return (
    <div className="mx-auto max-w-md space-y-4 py-10 text-center">
      <h1 className="text-2xl font-semibold tracking-tight">Organization not found</h1>
      <p className="text-zinc-600 dark:text-zinc-400">
        It does not exist, or you are not a member of it.
      </p>
      <Link href="/orgs" className={buttonClasses("secondary")}>
        Your organizations
      </Link>
    </div>
  );
}
