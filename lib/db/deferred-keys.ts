import type { Db } from "@/lib/db/client";
import { resolveDatabaseTarget } from "@/lib/db/url";

/**
 * Makes the current transaction check foreign keys at commit instead of at each statement,
 * so that rows may refer to rows written later in the same transaction (an import file
 * lists an event before the older one it responds to). Call first thing inside the
 * transaction; it ends with the transaction.
 *
 * SQLite: `PRAGMA defer_foreign_keys`, which applies to every foreign key.
 * PostgreSQL: only constraints declared DEFERRABLE can be deferred; EventRelation's two are
 * (migration `event_relation_deferrable`), the others stay immediate.
 */
export async function deferForeignKeys(tx: Db): Promise<void> {
  if (resolveDatabaseTarget().provider === "postgresql") {
    await tx.$executeRawUnsafe("SET CONSTRAINTS ALL DEFERRED");
  } else {
    await tx.$executeRawUnsafe("PRAGMA defer_foreign_keys = ON");
  }
}
