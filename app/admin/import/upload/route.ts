import { NextResponse } from "next/server";
import { prisma } from "@/lib/db";
import { getCurrentUser } from "@/lib/auth/current-user";
import { hasRole } from "@/lib/auth/roles";
import { importFile } from "@/lib/import/import-file";
import { receiveUpload } from "@/lib/import/receive-upload";
import { toReportView, type ImportReportView } from "@/lib/import/report-view";
import { saveCheck } from "@/lib/import/upload-store";

export const dynamic = "force-dynamic";

/**
 * 303: the browser follows with a GET (a 307 would post the file again to the sign-in
 * page). A relative Location: `request.url` names the host Next.js was started with
 * (localhost), not the one the browser used, and the session cookie is per host.
 */
function seeOther(_request: Request, path: string): NextResponse {
  return new NextResponse(null, { status: 303, headers: { Location: path } });
}

/**
 * Step 1 of an import ("Check file"), posted by the import page's plain HTML form: the
 * server actions' body limit is small (next.config.js), so the file comes here. The
 * session and role are checked and the origin compared before a byte of the body is read;
 * the file is then streamed to disk with its own size limit (lib/import/receive-upload.ts),
 * checked by a dry run, and the browser is sent back to /admin/import to see the report.
 */
export async function POST(request: Request): Promise<NextResponse> {
  if (!sameOrigin(request)) {
    return new NextResponse("Cross-site upload refused.", { status: 403 });
  }
  const user = await getCurrentUser();
  // Answered before the body is read; Node discards the rest of it without buffering.
  if (!user) return seeOther(request, "/login?next=%2Fadmin%2Fimport");
  if (!hasRole(user.role, "editor")) return seeOther(request, "/admin/forbidden");

  const upload = await receiveUpload(request);
  if (!upload.ok) return seeOther(request, `/admin/import?problem=${upload.problem}`);
  const report = await importFile(prisma, upload.path, { mode: "dry-run", userId: user.id, canRestoreBackup: user.role === "admin" });
  saveCheck<ImportReportView>(upload.hash, { userId: user.id, fileName: upload.fileName, report: toReportView(report) });
  return seeOther(request, `/admin/import?upload=${upload.hash}`);
}

/** Like Next's check for server actions: a browser's Origin, when sent, must name this host. */
function sameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (origin === null) return true;
  try {
    return new URL(origin).host === (request.headers.get("x-forwarded-host") ?? request.headers.get("host"));
  } catch {
    return false;
  }
}
