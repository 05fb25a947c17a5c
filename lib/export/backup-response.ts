import "server-only";
import { prisma } from "@/lib/db";
import { engineOf } from "@/lib/db/engine";
import { backupChunks } from "@/lib/export/backup";
import { attachmentHeader } from "@/lib/export/file-name";
import { textStream } from "@/lib/export/stream";
import { requireAdmin } from "@/lib/auth/current-user";

/** `/admin/backup.json`: the full backup, streamed, for admins only. */
export async function backupResponse(now = new Date()): Promise<Response> {
  await requireAdmin("/admin/backup.json");
  const fileName = `demarche-backup-${now.toISOString().slice(0, 10)}.json`;
  const body = textStream(backupChunks(prisma, now, engineOf(prisma).snapshotLoader()), (error) => console.error("Backup export failed while streaming", error));
  return new Response(body, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": attachmentHeader(fileName),
      "Cache-Control": "no-store",
    },
  });
}
