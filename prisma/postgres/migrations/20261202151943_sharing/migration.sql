-- CreateTable
CREATE TABLE "ShareLink" (
    "userId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "showChecklist" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ShareLink_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "MentorInvitation" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "access" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "acceptedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MentorInvitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MentorGrant" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "mentorId" TEXT NOT NULL,
    "access" TEXT NOT NULL,
    "lastViewedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MentorGrant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MentorComment" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "itemId" TEXT,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MentorComment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ShareLink_tokenHash_key" ON "ShareLink"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "MentorInvitation_tokenHash_key" ON "MentorInvitation"("tokenHash");

-- CreateIndex
CREATE INDEX "MentorInvitation_userId_idx" ON "MentorInvitation"("userId");

-- CreateIndex
CREATE INDEX "MentorGrant_mentorId_idx" ON "MentorGrant"("mentorId");

-- CreateIndex
CREATE UNIQUE INDEX "MentorGrant_userId_mentorId_key" ON "MentorGrant"("userId", "mentorId");

-- CreateIndex
CREATE INDEX "MentorComment_userId_createdAt_idx" ON "MentorComment"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "MentorComment_authorId_idx" ON "MentorComment"("authorId");

-- AddForeignKey
ALTER TABLE "ShareLink" ADD CONSTRAINT "ShareLink_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentorInvitation" ADD CONSTRAINT "MentorInvitation_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentorGrant" ADD CONSTRAINT "MentorGrant_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentorGrant" ADD CONSTRAINT "MentorGrant_mentorId_fkey" FOREIGN KEY ("mentorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentorComment" ADD CONSTRAINT "MentorComment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentorComment" ADD CONSTRAINT "MentorComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

