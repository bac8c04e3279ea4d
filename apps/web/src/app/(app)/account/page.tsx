import type { Metadata } from "next";
import { PageHeader } from "~/components/ui/page-header.tsx";
import { getApi, HydrateClient, loadForPage } from "~/trpc/server.tsx";
import { requireMe } from "~/trpc/session.ts";
import { ChangePasswordCard } from "./change-password-card.tsx";
import { DataCard } from "./data-card.tsx";
import { NotificationsCard } from "./notifications-card.tsx";
import { ProfileCard } from "./profile-card.tsx";
import { SessionsCard } from "./sessions-card.tsx";
import { TokensCard } from "./tokens-card.tsx";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const me = await requireMe();
  const api = getApi();
  await loadForPage(
    api.session.list.fetch(),
    ...me.organizations.map((org) => api.token.list.fetch({ orgId: org.id })),
  );

  return (
    <div className="space-y-6">
      <PageHeader title="Account" description={`Signed in as ${me.user.email}.`} />
      <ProfileCard name={me.user.name} email={me.user.email} />
      <ChangePasswordCard />
      <HydrateClient>
        {me.via === "session" ? <NotificationsCard /> : null}
        <SessionsCard />
        <TokensCard organizations={me.organizations} />
        {me.via === "session" ? <DataCard /> : null}
      </HydrateClient>
    </div>
  );
}
