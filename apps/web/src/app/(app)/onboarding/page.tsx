import type { Metadata } from "next";
import { getApi } from "~/trpc/server.tsx";
import { requireMe } from "~/trpc/session.ts";
import { CreateOrgForm } from "./create-org-form.tsx";
import { DemoDataOffer } from "./demo-data-offer.tsx";

/** Whether the API would load demo data (on the embedded default); no answer means no offer. */
async function canSeedDemo(): Promise<boolean> {
  try {
    return (await getApi().system.info.fetch()).demoData;
  } catch {
    return false;
  }
}

export const metadata: Metadata = { title: "Create an organization" };

export default async function OnboardingPage() {
  const me = await requireMe();
  const isFirst = me.organizations.length === 0;
  const offerDemo = await canSeedDemo();
  return (
    <div className="mx-auto w-full max-w-md space-y-6">
      <div className="space-y-2 text-center">
        <h1 className="text-2xl font-semibold tracking-tight">
          {isFirst ? `Welcome, ${me.user.name}` : "New organization"}
        </h1>
        <p className="text-zinc-600 dark:text-zinc-400">
          {isFirst
            ? "Create an organization for your team to get started. You can invite people next."
            : "Each organization has its own members, projects and API tokens."}
        </p>
      </div>
      <div className="rounded-xl border border-zinc-200 bg-white p-5 shadow-sm sm:p-6 dark:border-zinc-800 dark:bg-zinc-900/40">
        <CreateOrgForm />
      </div>
      {offerDemo ? <DemoDataOffer /> : null}
      {isFirst ? (
        <p className="text-center text-sm text-zinc-600 dark:text-zinc-400">
          Were you invited to an existing organization? Open the link in the invitation email.
        </p>
      ) : null}
    </div>
  );
}
