import type { ReactNode } from "react";
import { CommandLauncher } from "~/components/commands/command-launcher.tsx";
import { requireMe } from "~/trpc/session.ts";

/**
 * Everything in here needs a signed-in person: a visitor without a session goes to
 * /sign-in?next=<this page>. Pages call requireMe() too (the same cached `auth.me`), since
 * Next renders layouts and pages concurrently and a page must not act on a missing session.
 */
export default async function SignedInLayout({ children }: { children: ReactNode }) {
  await requireMe();
  return (
    <>
      {children}
      <CommandLauncher />
    </>
  );
}
