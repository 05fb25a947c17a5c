-- DropIndex
DROP INDEX "Event_status_deletedAt_dateStart_id_idx";

-- CreateIndex
CREATE INDEX "Event_status_deletedAt_dateStart_id_dateEnd_type_legalBasis_idx" ON "Event"("status", "deletedAt", "dateStart", "id", "dateEnd", "type", "legalBasis");

