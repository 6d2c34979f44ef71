-- CreateIndex
CREATE INDEX "Activation_held_active_idx" ON "Activation"("licenseId") WHERE ("deactivatedAt" IS NULL);

-- CreateIndex
CREATE INDEX "Activation_held_cooldown_idx" ON "Activation"("licenseId", "seatFreedAt") WHERE ("deactivatedAt" IS NOT NULL AND "seatFreedAt" IS NOT NULL);

-- seatwise_lock_seats() counts the two halves of the seat rule apart, each on its partial index above
-- (as seatsInUseSql in lib/licensing/count-seats.ts does). Otherwise the same function.
CREATE OR REPLACE FUNCTION "seatwise_lock_seats"("p_license" text, "p_fingerprint" text, "p_at" timestamptz)
RETURNS TABLE ("status" text, "seats" integer, "expiresAt" timestamptz, "currentPeriodId" text, "seatAlertThreshold" integer, "existingId" text, "used" integer)
LANGUAGE plpgsql VOLATILE AS $$
#variable_conflict use_column
DECLARE
  lic record;
BEGIN
  SELECT l."status"::text AS "status", l."seats", l."expiresAt", l."currentPeriodId", l."seatAlertThreshold"
    INTO lic FROM "License" l WHERE l."id" = p_license FOR UPDATE;
  IF NOT FOUND THEN RETURN; END IF;
  RETURN QUERY SELECT lic."status", lic."seats", lic."expiresAt", lic."currentPeriodId", lic."seatAlertThreshold",
    (SELECT a."id" FROM "Activation" a WHERE a."licenseId" = p_license AND a."fingerprint" = p_fingerprint AND a."deactivatedAt" IS NULL
      ORDER BY a."createdAt" DESC, a."id" DESC LIMIT 1),
    (SELECT count(*)::integer FROM "Activation" a WHERE a."licenseId" = p_license AND a."deactivatedAt" IS NULL
      AND (a."leaseExpiresAt" IS NULL OR a."leaseExpiresAt" > p_at))
    + (SELECT count(*)::integer FROM "Activation" a WHERE a."licenseId" = p_license AND a."deactivatedAt" IS NOT NULL
      AND a."seatFreedAt" IS NOT NULL AND a."seatFreedAt" > p_at);
END
$$;
