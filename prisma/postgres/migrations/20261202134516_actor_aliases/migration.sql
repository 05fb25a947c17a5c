-- CreateTable
CREATE TABLE "ActorAlias" (
    "id" SERIAL NOT NULL,
    "actorId" INTEGER NOT NULL,
    "alias" TEXT NOT NULL,
    "normalised" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'other',
    "origin" TEXT NOT NULL DEFAULT 'admin',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ActorAlias_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ActorAlias_normalised_idx" ON "ActorAlias"("normalised");

-- CreateIndex
CREATE UNIQUE INDEX "ActorAlias_actorId_normalised_key" ON "ActorAlias"("actorId", "normalised");

-- AddForeignKey
ALTER TABLE "ActorAlias" ADD CONSTRAINT "ActorAlias_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Actor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

