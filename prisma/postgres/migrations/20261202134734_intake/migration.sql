-- CreateTable
CREATE TABLE "Intake" (
    "id" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "published" TEXT NOT NULL,
    "publisher" TEXT,
    "title" TEXT,
    "url" TEXT,
    "drafts" TEXT NOT NULL,
    "review" TEXT NOT NULL DEFAULT '[]',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Intake_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExtractionRecord" (
    "id" SERIAL NOT NULL,
    "intakeId" TEXT NOT NULL,
    "eventId" INTEGER NOT NULL,
    "draftIndex" INTEGER NOT NULL,
    "proposed" TEXT NOT NULL,
    "saved" TEXT NOT NULL,
    "changedFields" TEXT NOT NULL,
    "userId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExtractionRecord_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Intake_expiresAt_idx" ON "Intake"("expiresAt");

-- CreateIndex
CREATE INDEX "ExtractionRecord_eventId_idx" ON "ExtractionRecord"("eventId");

-- CreateIndex
CREATE INDEX "ExtractionRecord_createdAt_idx" ON "ExtractionRecord"("createdAt");

-- AddForeignKey
ALTER TABLE "Intake" ADD CONSTRAINT "Intake_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

