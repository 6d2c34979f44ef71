-- CreateIndex
CREATE INDEX "Activation_leaseExpiresAt_idx" ON "Activation"("leaseExpiresAt");
