-- AlterTable
ALTER TABLE "Reminder" ADD COLUMN "unsubscribeHash" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Reminder_unsubscribeHash_key" ON "Reminder"("unsubscribeHash");

