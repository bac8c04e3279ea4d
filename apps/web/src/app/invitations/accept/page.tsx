import type { Metadata } from "next";
import { TextLink } from "~/components/text-link.tsx";
import { Alert } from "~/components/ui/alert.tsx";
import { apiErrorCode } from "~/lib/api-error.ts";
import { getServerClient } from "~/trpc/request.ts";
import { getMe } from "~/trpc/session.ts";
import type { RouterOutputs } from "~/trpc/types.ts";
import { AcceptInvitation } from "./accept-invitation.tsx";

export const metadata: Metadata = { title: "Invitation" };

type Preview = RouterOutputs["invitation"]["preview"];

async function loadPreview(token: string): Promise<Preview | null> {
  try {
    return await getServerClient().invitation.preview.query({ token });
  } catch (error) {
    const code = apiErrorCode(error);
    // Unknown and malformed tokens read the same: the link is not valid.
    if (code === "NOT_FOUND" || code === "BAD_REQUEST") return null;
    throw error;
  }
}

export default async function AcceptInvitationPage({
  searchParams,
}: PageProps<"/invitations/accept">) {
  const { token } = await searchParams;
  const preview = typeof token === "string" && token ? await loadPreview(token) : null;
  const me = await getMe();

  return (
    <div className="mx-auto w-full max-w-md space-y-6">
      <h1 className="text-center text-2xl font-semibold tracking-tight">Invitation</h1>
      {preview && typeof token === "string" ? (
        <AcceptInvitation token={token} preview={preview} signedInAs={me?.user.email ?? null} />
      ) : (
        <Alert tone="error" title="This invitation link is not valid" testId="invitation-invalid">
          Check that you opened the whole link from the email, or ask for a new invitation.{" "}
          {me ? <TextLink href="/orgs">Go to your organizations</TextLink> : null}
        </Alert>
      )}
    </div>
  );
}
