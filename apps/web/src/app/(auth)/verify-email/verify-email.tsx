"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { TextLink } from "~/components/text-link.tsx";
import { Alert } from "~/components/ui/alert.tsx";
import { Spinner } from "~/components/ui/spinner.tsx";
import { describeApiError } from "~/lib/api-error.ts";
import type { RouterInputs } from "~/trpc/types.ts";
import { useApiMutation } from "~/trpc/use-api-mutation.ts";

/** Spends the emailed token once, on load (a mutation: it changes the account). */
export function VerifyEmail({ token }: { token: string }) {
  const router = useRouter();
  const verify = useApiMutation(
    (api, input: RouterInputs["auth"]["verifyEmail"]) => api.auth.verifyEmail.mutate(input),
    {
      // The header's "confirm your email" banner goes away.
      onSuccess: () => {
        router.refresh();
      },
    },
  );
  const { mutate } = verify;
  // The token works once: never send it twice, even when React mounts twice in development.
  const sent = useRef(false);

  useEffect(() => {
    if (sent.current) return;
    sent.current = true;
    mutate({ token });
  }, [mutate, token]);

  if (verify.isSuccess) {
    return (
      <Alert tone="success" title="Your email is confirmed" testId="email-verified">
        Thank you. <TextLink href="/orgs">Continue to Tesseract</TextLink>
      </Alert>
    );
  }
  if (verify.isError) {
    return (
      <Alert tone="error" title="This link did not work" testId="email-not-verified">
        {describeApiError(verify.error).message} Signed in, you can send a new link from the banner
        at the top of any page.
      </Alert>
    );
  }
  return (
    <p role="status" className="flex items-center justify-center gap-2 text-sm">
      <Spinner /> Confirming your email…
    </p>
  );
}
