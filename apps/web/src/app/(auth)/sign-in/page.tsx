import type { Metadata, Route } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { textLinkClasses } from "~/components/text-link.tsx";
import { safeNextPath, withNext } from "~/lib/safe-next.ts";
import { getMe } from "~/trpc/session.ts";
import { AuthCard } from "../auth-card.tsx";
import { SignInForm } from "./sign-in-form.tsx";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: PageProps<"/sign-in">) {
  const { next } = await searchParams;
  const rawNext = typeof next === "string" ? next : null;
  const destination = safeNextPath(rawNext);
  if (await getMe()) redirect(destination as Route);

  return (
    <AuthCard
      title="Sign in to Tesseract"
      description="Welcome back."
      footer={
        <p>
          New here?{" "}
          <Link href={withNext("/sign-up", rawNext) as Route} className={textLinkClasses}>
            Create an account
          </Link>
        </p>
      }
    >
      <SignInForm next={destination} />
    </AuthCard>
  );
}
