-- AlterTable
ALTER TABLE "documents" ADD COLUMN     "unpublished_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "publications" (
    "id" UUID NOT NULL,
    "document_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "slug" TEXT NOT NULL,
    "headline" TEXT NOT NULL,
    "dek" TEXT,
    "byline_name" TEXT NOT NULL,
    "section" TEXT,
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "html" TEXT NOT NULL,
    "json" JSONB NOT NULL,
    "content_hash" TEXT NOT NULL,
    "note" TEXT,
    "publisher_id" UUID NOT NULL,
    "publish_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "publications_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "publications_slug_publish_at_idx" ON "publications"("slug", "publish_at");

-- CreateIndex
CREATE UNIQUE INDEX "publications_document_id_version_key" ON "publications"("document_id", "version");

-- AddForeignKey
ALTER TABLE "publications" ADD CONSTRAINT "publications_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "publications" ADD CONSTRAINT "publications_publisher_id_fkey" FOREIGN KEY ("publisher_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

