-- CreateTable
CREATE TABLE "ImportUndo" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "snapshot" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ImportUndo_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ImportUndo_userId_idx" ON "ImportUndo"("userId");

-- CreateIndex
CREATE INDEX "ImportUndo_expiresAt_idx" ON "ImportUndo"("expiresAt");

-- AddForeignKey
ALTER TABLE "ImportUndo" ADD CONSTRAINT "ImportUndo_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

