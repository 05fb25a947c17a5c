-- CreateTable
CREATE TABLE "EventSubmission" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "eventId" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "EventSubmission_createdAt_idx" ON "EventSubmission"("createdAt");

