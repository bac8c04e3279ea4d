import type { Metadata } from "next";
import { TextLink } from "~/components/text-link.tsx";
import { Alert } from "~/components/ui/alert.tsx";
import { AuthCard } from "../auth-card.tsx";
import { VerifyEmail } from "./verify-email.tsx";

export const metadata: Metadata = { title: "Confirm your email" };

export default async function VerifyEmailPage({ searchParams }: PageProps<"/verify-email">) {
  const { token } = await searchParams;
  return (
    <AuthCard title="Confirm your email">
      {typeof token === "string" && token ? (
        <VerifyEmail token={token} />
      ) : (
        <Alert tone="error" title="This link is incomplete">
          Open the link from the email exactly as it was sent. Signed in, you can ask for a new one
          from the banner at the top of the page, or from{" "}
          <TextLink href="/account">your account</TextLink>.
        </Alert>
      )}
    </AuthCard>
  );
}
