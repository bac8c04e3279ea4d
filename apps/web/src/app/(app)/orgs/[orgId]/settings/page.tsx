import type { Metadata } from "next";
import { Alert } from "~/components/ui/alert.tsx";
import { PageHeader } from "~/components/ui/page-header.tsx";
import { can, roleLabels } from "~/lib/roles.ts";
import { requireOrg } from "~/trpc/org.ts";
import { DeleteOrgCard } from "./delete-org-card.tsx";
import { LabelsCard } from "./labels-card.tsx";
import { RenameOrgCard } from "./rename-org-card.tsx";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage({ params }: PageProps<"/orgs/[orgId]/settings">) {
  const org = await requireOrg((await params).orgId);
  const canUpdate = can(org.role, "org.update");
  const canDelete = can(org.role, "org.delete");

  return (
    <div className="space-y-6">
      <PageHeader
        title="Settings"
        description="The organization's name, its labels, and deleting it."
      />
      {canUpdate ? (
        <RenameOrgCard orgId={org.id} name={org.name} />
      ) : (
        <Alert
          tone="info"
          title="Only admins can rename the organization"
          testId="settings-read-only"
        >
          Your role here is {roleLabels[org.role].toLowerCase()}. Ask an admin or an owner if
          something needs changing.
        </Alert>
      )}
      <LabelsCard
        orgId={org.id}
        canWrite={can(org.role, "label.write")}
        canDelete={can(org.role, "label.manage")}
      />
      {canDelete ? <DeleteOrgCard orgId={org.id} name={org.name} /> : null}
    </div>
  );
}
