import type { Metadata } from "next";
import Link from "next/link";
import { getCurrentUser } from "@/lib/auth/current-user";
import { signOutAction } from "@/lib/auth/actions";

export const metadata: Metadata = { title: { default: "Editors", template: "%s · Editors · Demarche" }, robots: { index: false } };

/**
 * The editors' navigation. It only reads who is signed in to show the menu; every page
 * below checks the session and role itself (layouts do not guard actions or handlers).
 */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await getCurrentUser();
  return (
    <div className="admin">
      {user ? (
        <nav className="admin-nav" aria-label="Editors">
          <ul>
            <li>
              <Link href="/admin">Events</Link>
            </li>
            <li>
              <Link href="/admin/events/new">New event</Link>
            </li>
            <li>
              <Link href="/admin/intake">Draft from an article</Link>
            </li>
            <li>
              <Link href="/admin/actors">Actors</Link>
            </li>
            {user.role === "admin" ? (
              <li>
                <Link href="/admin/users">Users</Link>
              </li>
            ) : null}
          </ul>
          <form action={signOutAction} className="admin-nav__account">
            <span>
              {user.email} ({user.role})
            </span>{" "}
            <button type="submit" className="button--secondary">
              Sign out
            </button>
          </form>
        </nav>
      ) : null}
      {children}
    </div>
  );
}
