import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/admin/login-form";
import { getCurrentUser } from "@/lib/auth/current-user";
import { safeNextPath } from "@/lib/auth/safe-next";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function LoginPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const next = safeNextPath(typeof params.next === "string" ? params.next : undefined);
  if (await getCurrentUser()) redirect(next);
  return (
    <div className="login-page">
      <h1>Sign in</h1>
      <p>Editors sign in here to add and correct events. Reading the timeline needs no account.</p>
      {params["signed-out"] ? (
        <p className="notice" role="status">
          You have signed out.
        </p>
      ) : null}
      <LoginForm next={next} />
    </div>
  );
}
