"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Button } from "~/components/ui/button.tsx";

export function RefreshButton() {
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  return (
    <Button
      variant="secondary"
      pending={isPending}
      onClick={() => {
        startTransition(() => {
          router.refresh();
        });
      }}
    >
      Refresh
    </Button>
  );
}
