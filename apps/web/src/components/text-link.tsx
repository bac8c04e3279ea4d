import type { Route } from "next";
import Link from "next/link";
import type { ReactNode } from "react";

export const textLinkClasses =
  "font-medium text-indigo-600 underline-offset-2 hover:underline dark:text-indigo-400";

export function TextLink({ href, children }: { href: Route; children: ReactNode }) {
  return (
    <Link href={href} className={textLinkClasses}>
      {children}
    </Link>
  );
}
