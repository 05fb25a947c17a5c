-- CreateTable
CREATE TABLE "EventSubmission" (
    "key" TEXT NOT NULL,
    "eventId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EventSubmission_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "EventSubmission_createdAt_idx" ON "EventSubmission"("createdAt");

