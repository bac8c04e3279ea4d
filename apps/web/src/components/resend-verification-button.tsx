"use client";

import { describeApiError } from "~/lib/api-error.ts";
import { trpc } from "~/trpc/react.tsx";
import { Button } from "./ui/button.tsx";

export function ResendVerificationButton() {
  const resend = trpc.auth.resendVerification.useMutation();
  return (
    <div className="flex items-center gap-3" aria-live="polite">
      {resend.isSuccess ? <span>A new link is on its way.</span> : null}
      {resend.isError ? <span role="alert">{describeApiError(resend.error).message}</span> : null}
      <Button
        size="sm"
        variant="secondary"
        pending={resend.isPending}
        onClick={() => {
          resend.mutate();
        }}
      >
        {resend.isSuccess ? "Send again" : "Resend link"}
      </Button>
    </div>
  );
}
