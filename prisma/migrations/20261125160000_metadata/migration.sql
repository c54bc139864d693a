-- AlterTable
ALTER TABLE "documents" ADD COLUMN     "byline_id" UUID,
ADD COLUMN     "dek" TEXT,
ADD COLUMN     "headline" TEXT,
ADD COLUMN     "section" TEXT,
ADD COLUMN     "slug" TEXT,
ADD COLUMN     "tags" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateIndex
CREATE UNIQUE INDEX "documents_slug_key" ON "documents"("slug");

-- AddForeignKey
ALTER TABLE "documents" ADD CONSTRAINT "documents_byline_id_fkey" FOREIGN KEY ("byline_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

