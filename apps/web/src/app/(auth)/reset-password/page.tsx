import type { Metadata } from "next";
import { TextLink } from "~/components/text-link.tsx";
import { Alert } from "~/components/ui/alert.tsx";
import { AuthCard } from "../auth-card.tsx";
import { ResetPasswordForm } from "./reset-password-form.tsx";

export const metadata: Metadata = { title: "Choose a new password" };

export default async function ResetPasswordPage({ searchParams }: PageProps<"/reset-password">) {
  const { token } = await searchParams;
  return (
    <AuthCard title="Choose a new password">
      {typeof token === "string" && token ? (
        <ResetPasswordForm token={token} />
      ) : (
        <Alert tone="error" title="This link is incomplete">
          Open the link from the email exactly as it was sent, or{" "}
          <TextLink href="/forgot-password">ask for a new one</TextLink>.
        </Alert>
      )}
    </AuthCard>
  );
}
