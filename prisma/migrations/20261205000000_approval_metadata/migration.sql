-- AlterTable
ALTER TABLE "approvals" ADD COLUMN "metadata_hash" TEXT;
