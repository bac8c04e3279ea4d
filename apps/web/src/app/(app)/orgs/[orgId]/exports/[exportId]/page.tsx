import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { OrgExportStatus } from "~/components/exports/org-export-status.tsx";
import { Alert } from "~/components/ui/alert.tsx";
import { Card } from "~/components/ui/card.tsx";
import { PageHeader } from "~/components/ui/page-header.tsx";
import { can, roleLabels } from "~/lib/roles.ts";
import { requireOrg } from "~/trpc/org.ts";

export const metadata: Metadata = { title: "Export" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One project export: where the "your export is ready" email leads. */
export default async function ExportPage({
  params,
}: PageProps<"/orgs/[orgId]/exports/[exportId]">) {
  const { orgId, exportId } = await params;
  if (!UUID.test(exportId)) notFound();
  const org = await requireOrg(orgId);
  return (
    <div className="space-y-6">
      <PageHeader title="Export" description="A project's tasks, written to a file for you." />
      {can(org.role, "project.export") ? (
        <Card id="export" title="Your file">
          <OrgExportStatus orgId={org.id} exportId={exportId} />
        </Card>
      ) : (
        <Alert tone="warning" title="You cannot open exports here">
          Exports are open to members, admins and owners. Your role here is{" "}
          {roleLabels[org.role].toLowerCase()}.
        </Alert>
      )}
    </div>
  );
}
