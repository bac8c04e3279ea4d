import type { Metadata, Route } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { textLinkClasses } from "~/components/text-link.tsx";
import { invitationTokenOf } from "~/lib/invitation-link.ts";
import { safeNextPath, withNext } from "~/lib/safe-next.ts";
import { getServerClient } from "~/trpc/request.ts";
import { getMe } from "~/trpc/session.ts";
import { AuthCard } from "../auth-card.tsx";
import { SignUpForm } from "./sign-up-form.tsx";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage({ searchParams }: PageProps<"/sign-up">) {
  const { next } = await searchParams;
  const rawNext = typeof next === "string" ? next : null;
  const destination = safeNextPath(rawNext);
  if (await getMe()) redirect(destination as Route);
  const invitation = await pendingInvitation(destination);

  return (
    <AuthCard
      title="Create your account"
      description={
        invitation
          ? `Create an account to join ${invitation.orgName}.`
          : "Start a workspace for your team, or join one you were invited to."
      }
      footer={
        <p>
          Already have an account?{" "}
          <Link href={withNext("/sign-in", rawNext) as Route} className={textLinkClasses}>
            Sign in
          </Link>
        </p>
      }
    >
      <SignUpForm next={destination} invitation={invitation} />
    </AuthCard>
  );
}

/** The invitation the visitor came from, when they will return to a pending one. */
async function pendingInvitation(next: string) {
  const token = invitationTokenOf(next);
  if (!token) return null;
  const preview = await getServerClient()
    .invitation.preview.query({ token })
    .catch(() => null);
  return preview?.status === "pending"
    ? { token, email: preview.email, orgName: preview.orgName }
    : null;
}
