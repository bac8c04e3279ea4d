import type { ReactNode } from "react";
import { CommandLauncher } from "~/components/commands/command-launcher.tsx";
import { ReloadAfterBack } from "~/components/reload-after-back.tsx";
import { TRPCReactProvider } from "~/trpc/react.tsx";
import { requireMe } from "~/trpc/session.ts";

/**
 * Everything in here needs a signed-in person: a visitor without a session goes to
 * /sign-in?next=<this page>. Pages call requireMe() too (the same cached `auth.me`), since
 * Next renders layouts and pages concurrently and a page must not act on a missing session.
 * React Query and the tRPC hooks are provided here, not in the root layout: public pages
 * carry none of their code.
 */
export default async function SignedInLayout({ children }: { children: ReactNode }) {
  await requireMe();
  return (
    <TRPCReactProvider>
      {children}
      <CommandLauncher />
      <ReloadAfterBack />
    </TRPCReactProvider>
  );
}
