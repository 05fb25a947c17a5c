import { backupResponse } from "@/lib/export/backup-response";

export const dynamic = "force-dynamic";

export function GET(): Promise<Response> {
  return backupResponse();
}
