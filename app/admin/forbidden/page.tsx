import Link from "next/link";
import { requireEditor } from "@/lib/auth/current-user";

export const dynamic = "force-dynamic";
export const metadata = { title: "Not allowed" };

export default async function ForbiddenPage() {
  const user = await requireEditor("/admin");
  return (
    <div className="message-page">
      <h1>Not allowed</h1>
      <p>
        Your account ({user.email}) is an {user.role} account. That page is for admins; ask an admin if you need it.
      </p>
      <p>
        <Link href="/admin">Back to the events</Link>
      </p>
    </div>
  );
}
