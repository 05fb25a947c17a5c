-- CreateTable
CREATE TABLE "Intake" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "text" TEXT NOT NULL,
    "published" TEXT NOT NULL,
    "publisher" TEXT,
    "title" TEXT,
    "url" TEXT,
    "drafts" TEXT NOT NULL,
    "review" TEXT NOT NULL DEFAULT '[]',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    CONSTRAINT "Intake_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ExtractionRecord" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "intakeId" TEXT NOT NULL,
    "eventId" INTEGER NOT NULL,
    "draftIndex" INTEGER NOT NULL,
    "proposed" TEXT NOT NULL,
    "saved" TEXT NOT NULL,
    "changedFields" TEXT NOT NULL,
    "userId" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "Intake_expiresAt_idx" ON "Intake"("expiresAt");

-- CreateIndex
CREATE INDEX "ExtractionRecord_eventId_idx" ON "ExtractionRecord"("eventId");

-- CreateIndex
CREATE INDEX "ExtractionRecord_createdAt_idx" ON "ExtractionRecord"("createdAt");

