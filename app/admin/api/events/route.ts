import { NextResponse, type NextRequest } from "next/server";
import { requireEditor } from "@/lib/auth/current-user";
import { searchEventsForRelation } from "@/lib/events/admin-queries";

/** Type-ahead over events (by title words or a date such as 2021-04) for the form's related events. */
export async function GET(request: NextRequest) {
  await requireEditor();
  const params = request.nextUrl.searchParams;
  const exclude = Number(params.get("exclude"));
  const events = await searchEventsForRelation(
    (params.get("q") ?? "").slice(0, 200),
    Number.isSafeInteger(exclude) && exclude > 0 ? exclude : null,
  );
  return NextResponse.json(events, { headers: { "Cache-Control": "no-store" } });
}
