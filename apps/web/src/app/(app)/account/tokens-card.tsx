"use client";

import { Suspense, useState } from "react";
import { SelectField } from "~/components/forms/select-field.tsx";
import { TextLink } from "~/components/text-link.tsx";
import { Card } from "~/components/ui/card.tsx";
import { EmptyState } from "~/components/ui/empty-state.tsx";
import { Skeleton } from "~/components/ui/skeleton.tsx";
import { can, roleLabels } from "~/lib/roles.ts";
import type { Me } from "~/trpc/types.ts";
import { TokenCreateForm } from "./token-create-form.tsx";
import { TokensList } from "./tokens-list.tsx";

type Organization = Me["organizations"][number];

/** API tokens act for you in one organization, with at most your role there. */
export function TokensCard({ organizations }: { organizations: Organization[] }) {
  const [orgId, setOrgId] = useState(organizations[0]?.id ?? "");
  const org = organizations.find((candidate) => candidate.id === orgId);

  return (
    <Card
      id="tokens"
      title="API tokens"
      description="For scripts and the typed client. A token acts for you in one organization, with at most your role there."
    >
      {!org ? (
        <EmptyState title="No organizations yet">
          Tokens belong to an organization. <TextLink href="/onboarding">Create one</TextLink>{" "}
          first.
        </EmptyState>
      ) : (
        <div className="space-y-6">
          {organizations.length > 1 ? (
            <SelectField
              name="token-org"
              label="Organization"
              value={orgId}
              onChange={(event) => {
                setOrgId(event.target.value);
              }}
              options={organizations.map((candidate) => ({
                value: candidate.id,
                label: `${candidate.name} (${roleLabels[candidate.role]})`,
              }))}
              className="max-w-sm"
            />
          ) : null}
          {can(org.role, "token.create") ? (
            <TokenCreateForm key={org.id} orgId={org.id} myRole={org.role} />
          ) : (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              Viewers cannot create tokens in {org.name}.
            </p>
          )}
          <Suspense fallback={<Skeleton className="h-20 w-full" />}>
            <TokensList orgId={org.id} />
          </Suspense>
        </div>
      )}
    </Card>
  );
}
