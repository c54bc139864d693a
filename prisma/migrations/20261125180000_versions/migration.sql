-- CreateEnum
CREATE TYPE "VersionKind" AS ENUM ('checkpoint', 'transition', 'named', 'restore');

-- CreateTable
CREATE TABLE "document_versions" (
    "id" UUID NOT NULL,
    "document_id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "kind" "VersionKind" NOT NULL,
    "name" TEXT,
    "created_by_id" UUID,
    "editor_ids" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "state" BYTEA NOT NULL,
    "state_vector" BYTEA NOT NULL,
    "content_hash" TEXT NOT NULL,
    "word_count" INTEGER NOT NULL,
    "up_to_update_id" BIGINT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "document_versions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "document_versions_document_id_number_key" ON "document_versions"("document_id", "number");

-- AddForeignKey
ALTER TABLE "document_versions" ADD CONSTRAINT "document_versions_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "document_versions" ADD CONSTRAINT "document_versions_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

