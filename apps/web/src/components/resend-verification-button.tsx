"use client";

import { describeApiError } from "~/lib/api-error.ts";
import { useApiMutation } from "~/trpc/use-api-mutation.ts";
import { Button } from "./ui/button.tsx";

export function ResendVerificationButton() {
  const resend = useApiMutation((api) => api.auth.resendVerification.mutate());
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
