-- CreateTable
CREATE TABLE "ImportUndo" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "snapshot" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ImportUndo_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ImportUndo_userId_idx" ON "ImportUndo"("userId");

-- CreateIndex
CREATE INDEX "ImportUndo_expiresAt_idx" ON "ImportUndo"("expiresAt");

