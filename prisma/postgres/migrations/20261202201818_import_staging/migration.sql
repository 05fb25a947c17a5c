-- CreateTable
CREATE TABLE "ImportRun" (
    "id" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "userId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "heartbeatAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ImportRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportStagedRow" (
    "runId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "payload" TEXT NOT NULL,
    "eventId" INTEGER,
    "outcome" TEXT,

    CONSTRAINT "ImportStagedRow_pkey" PRIMARY KEY ("runId","seq")
);

-- CreateIndex
CREATE INDEX "ImportRun_heartbeatAt_idx" ON "ImportRun"("heartbeatAt");

-- AddForeignKey
ALTER TABLE "ImportStagedRow" ADD CONSTRAINT "ImportStagedRow_runId_fkey" FOREIGN KEY ("runId") REFERENCES "ImportRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

