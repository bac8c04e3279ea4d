import type { Metadata } from "next";
import { TextLink } from "~/components/text-link.tsx";
import { AuthCard } from "../auth-card.tsx";
import { ForgotPasswordForm } from "./forgot-password-form.tsx";

export const metadata: Metadata = { title: "Forgot your password" };

export default function ForgotPasswordPage() {
  return (
    <AuthCard
      title="Reset your password"
      description="We will email you a link to choose a new one."
      footer={
        <p>
          Remembered it? <TextLink href="/sign-in">Sign in</TextLink>
        </p>
      }
    >
      <ForgotPasswordForm />
    </AuthCard>
  );
}
