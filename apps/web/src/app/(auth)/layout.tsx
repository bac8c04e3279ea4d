import type { ReactNode } from "react";

/** Sign-in, sign-up and the emailed-link pages: one narrow column. */
export default function AuthLayout({ children }: { children: ReactNode }) {
  return <div className="mx-auto w-full max-w-md">{children}</div>;
}
