-- Activation's one-statement path (lib/licensing/take-quick-seat.ts). Locks the license row, then
-- reads the device's active seat and counts the seats in use. A VOLATILE function takes a fresh
-- snapshot for each query it runs, so the count sees every seat committed before the lock was
-- granted: the calling statement's own snapshot may predate the wait and would miss them. The lock
-- is the one the transactional path takes (SELECT … FOR UPDATE), held until the caller commits.
-- The seat rule is countSeatsInUse's (lib/licensing/count-seats.ts); a test checks they agree.
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
    (SELECT count(*)::integer FROM "Activation" a WHERE a."licenseId" = p_license
      AND ((a."deactivatedAt" IS NULL AND (a."leaseExpiresAt" IS NULL OR a."leaseExpiresAt" > p_at))
        OR (a."deactivatedAt" IS NOT NULL AND a."seatFreedAt" > p_at)));
END
$$;
