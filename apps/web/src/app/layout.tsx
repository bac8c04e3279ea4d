import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { MainColumn } from "~/components/main-column.tsx";
import { SiteHeader } from "~/components/site-header.tsx";
import { Toaster } from "~/components/ui/toaster.tsx";
import { VerifyEmailBanner } from "~/components/verify-email-banner.tsx";
import { env } from "~/env.ts";
import { themeInitScript } from "~/lib/theme.ts";
import "./globals.css";

export const metadata: Metadata = {
  metadataBase: new URL(env.PUBLIC_URL),
  title: { default: "Tesseract", template: "%s · Tesseract" },
  description: "Team workspaces for projects and tasks, on an end-to-end typesafe API.",
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#09090b" },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    // The theme script changes <html>'s class before React hydrates; that difference is expected.
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: themeInitScript }} />
      </head>
      <body className="min-h-dvh bg-white font-sans text-zinc-900 antialiased dark:bg-zinc-950 dark:text-zinc-100">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:text-sm focus:shadow dark:focus:bg-zinc-900"
        >
          Skip to content
        </a>
        {/* React Query and the tRPC hooks are the signed-in app's: (app)/layout.tsx. */}
        <SiteHeader />
        <VerifyEmailBanner />
        <MainColumn>{children}</MainColumn>
        <Toaster />
      </body>
    </html>
  );
}
