-- AlterTable
ALTER TABLE "documents" ADD COLUMN "unpublished_reader_note" TEXT;
