import { Badge } from "~/components/ui/badge.tsx";
import { can, roleLabels } from "~/lib/roles.ts";
import { requireOrg } from "~/trpc/org.ts";
import { OrgTabs } from "./org-tabs.tsx";

export default async function OrgLayout({ children, params }: LayoutProps<"/orgs/[orgId]">) {
  const { orgId } = await params;
  const org = await requireOrg(orgId);
  return (
    <div className="space-y-8">
      <div className="space-y-4">
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <p className="min-w-0 truncate text-sm font-medium text-zinc-500 dark:text-zinc-400">
            {org.name}
          </p>
          <Badge tone="indigo" testId="my-role">
            {roleLabels[org.role]}
          </Badge>
        </div>
        <OrgTabs orgId={org.id} canReadActivity={can(org.role, "activity.read")} />
      </div>
      {children}
    </div>
  );
}
