import { NextResponse, type NextRequest } from "next/server";
import { requireEditor } from "@/lib/auth/current-user";
import { searchTags } from "@/lib/events/admin-queries";

/** Type-ahead over existing tags; the form also accepts new ones. */
export async function GET(request: NextRequest) {
  await requireEditor();
  const q = request.nextUrl.searchParams.get("q") ?? "";
  return NextResponse.json(await searchTags(q.slice(0, 100)), { headers: { "Cache-Control": "no-store" } });
}
