-- AlterTable
ALTER TABLE "WebhookDelivery" ADD COLUMN     "durationMs" INTEGER,
ADD COLUMN     "lastAttemptAt" TIMESTAMPTZ(3),
ADD COLUMN     "responseBody" TEXT,
ADD COLUMN     "seq" BIGSERIAL NOT NULL;

-- AlterTable
ALTER TABLE "WebhookEndpoint" ADD COLUMN     "description" TEXT;

-- CreateTable
CREATE TABLE "Notice" (
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "licenseId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notice_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "Notice_licenseId_idx" ON "Notice"("licenseId");

-- CreateIndex
CREATE INDEX "WebhookDelivery_endpointId_orderingKey_seq_idx" ON "WebhookDelivery"("endpointId", "orderingKey", "seq");

-- CreateIndex
CREATE INDEX "WebhookEndpoint_enabled_idx" ON "WebhookEndpoint"("enabled");
