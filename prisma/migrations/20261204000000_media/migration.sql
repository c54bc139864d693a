-- CreateTable
CREATE TABLE "media_assets" (
    "hash" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "media_assets_pkey" PRIMARY KEY ("hash")
);

-- CreateTable
CREATE TABLE "media_renditions" (
    "hash" TEXT NOT NULL,
    "variant" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "bytes" BYTEA NOT NULL,

    CONSTRAINT "media_renditions_pkey" PRIMARY KEY ("hash","variant")
);

-- CreateTable
CREATE TABLE "document_media" (
    "document_id" UUID NOT NULL,
    "hash" TEXT NOT NULL,
    "uploaded_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "document_media_pkey" PRIMARY KEY ("document_id","hash")
);

-- CreateTable
CREATE TABLE "publication_media" (
    "publication_id" UUID NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "publication_media_pkey" PRIMARY KEY ("publication_id","hash")
);

-- CreateIndex
CREATE INDEX "document_media_hash_idx" ON "document_media"("hash");

-- CreateIndex
CREATE INDEX "publication_media_hash_idx" ON "publication_media"("hash");

-- AddForeignKey
ALTER TABLE "media_renditions" ADD CONSTRAINT "media_renditions_hash_fkey" FOREIGN KEY ("hash") REFERENCES "media_assets"("hash") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "document_media" ADD CONSTRAINT "document_media_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "document_media" ADD CONSTRAINT "document_media_hash_fkey" FOREIGN KEY ("hash") REFERENCES "media_assets"("hash") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "document_media" ADD CONSTRAINT "document_media_uploaded_by_id_fkey" FOREIGN KEY ("uploaded_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "publication_media" ADD CONSTRAINT "publication_media_publication_id_fkey" FOREIGN KEY ("publication_id") REFERENCES "publications"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "publication_media" ADD CONSTRAINT "publication_media_hash_fkey" FOREIGN KEY ("hash") REFERENCES "media_assets"("hash") ON DELETE RESTRICT ON UPDATE CASCADE;
