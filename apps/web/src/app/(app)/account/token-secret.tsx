"use client";

import { CopyField } from "~/components/copy-field.tsx";
import { Button } from "~/components/ui/button.tsx";

/** The new token's secret, shown once: only its hash is kept, so it cannot be shown again. */
export function TokenSecret({
  name,
  secret,
  onDone,
}: {
  name: string;
  secret: string;
  onDone: () => void;
}) {
  return (
    <div
      role="status"
      className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-950 dark:border-amber-500/30 dark:bg-amber-500/10 dark:text-amber-50"
    >
      <p className="font-semibold">Copy the secret of “{name}” now</p>
      <p className="text-sm">
        It will not be shown again. Anyone who has it can act as you in this organization with the
        token’s role, so keep it somewhere safe.
      </p>
      <CopyField label="Token secret" value={secret} testId="token-secret" />
      <Button size="sm" variant="ghost" onClick={onDone}>
        I have saved it
      </Button>
    </div>
  );
}
