import { getMe } from "~/trpc/session.ts";
import { ResendVerificationButton } from "./resend-verification-button.tsx";

/**
 * Shown on every page while the signed-in person has not confirmed their address, as wide as
 * the header and <main> (wider on the board and list: main-column.tsx).
 */
export async function VerifyEmailBanner() {
  const me = await getMe().catch(() => null);
  // API tokens never browse, but `via` keeps this honest: only a person can confirm an email.
  if (!me || me.via !== "session" || me.user.emailVerifiedAt) return null;
  return (
    <div
      data-testid="verify-email-banner"
      className="border-b border-amber-200 bg-amber-50 text-amber-900 dark:border-amber-500/20 dark:bg-amber-500/10 dark:text-amber-100"
    >
      <div className="mx-auto flex max-w-5xl flex-wrap in-[body:has(main[data-wide],main_[data-wide])]:max-w-7xl items-center justify-between gap-x-4 gap-y-2 px-4 py-2.5 text-sm sm:px-6">
        <p>
          Confirm your email address: we sent a link to <strong>{me.user.email}</strong>.
        </p>
        <ResendVerificationButton />
      </div>
    </div>
  );
}
