import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { Providers } from "@/components/providers";
import { RouteFocus } from "@/components/route-focus";
import { clientMessages } from "@/lib/i18n/client-messages";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Shell");
  return {
    title: { default: "Branch Instant Issuance", template: "%s · Branch Instant Issuance" },
    description: t("description"),
    robots: { index: false, follow: false },
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request, so Next.js can put the request's CSP nonce (set by
  // proxy.ts) on its scripts; a prerendered page would carry none and be blocked.
  await connection();
  // The user's language (lib/i18n/request.ts): <html lang> for screen readers and hyphenation,
  // and the messages for client components.
  const [locale, messages] = await Promise.all([getLocale(), getMessages()]);
  return (
    <html lang={locale}>
      <body className="min-h-screen font-sans">
        <NextIntlClientProvider messages={clientMessages(messages)}>
          <Providers>{children}</Providers>
          <RouteFocus />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
