import type { Metadata, Viewport } from "next";
import Link from "next/link";
import { connection } from "next/server";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Demarche — sanctions and diplomatic events", template: "%s · Demarche" },
  description:
    "An open tracker of sanctions and diplomatic events: who acted, against whom, on what legal basis, and what answered it.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page is rendered per request, including not-found: its scripts need the request's
  // CSP nonce (proxy.ts), which a page prerendered at build time could not carry.
  await connection();
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <div className="site-header__inner">
            <Link href="/" className="site-title">
              Demarche
            </Link>
            <p className="site-tagline">Sanctions and diplomatic events, and what answered them</p>
          </div>
        </header>
        <main id="main" className="site-main">
          {children}
        </main>
        <footer className="site-footer">
          <p>
            Demarche is open source. Every event links to its sources; dates are shown at the precision they are
            known.
          </p>
          <p className="site-footer__editors">
            <Link href="/login">Editors&rsquo; sign-in</Link>
          </p>
        </footer>
      </body>
    </html>
  );
}
