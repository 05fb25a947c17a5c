import { NextResponse, type NextRequest } from "next/server";
import { requireEditor } from "@/lib/auth/current-user";
import { searchActors } from "@/lib/events/admin-queries";

/** Type-ahead over actors for the event form. */
export async function GET(request: NextRequest) {
  await requireEditor();
  const q = request.nextUrl.searchParams.get("q") ?? "";
  return NextResponse.json(await searchActors(q.slice(0, 100)), { headers: { "Cache-Control": "no-store" } });
}
