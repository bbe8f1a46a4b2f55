import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import "./globals.css";

// Every page renders per request: the CSP nonce that the server's request guard makes
// (lib/auth/server-requests.ts) must reach Next.js's inline scripts, which a page
// prerendered at build time could not carry.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "Ladder: your Machine Learning Engineer career, step by step", template: "%s · Ladder" },
  description:
    "Track your progress along the Machine Learning Engineer career path: steps, certifications, education and skills, and see where you stand on the ladder.",
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#020617" },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:fixed focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-blue-700 focus:px-3 focus:py-2 focus:text-white"
        >
          Skip to content
        </a>
        {children}
      </body>
    </html>
  );
}
