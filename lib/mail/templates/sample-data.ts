import type { TEmailData, TEmailKind } from "./render-email";

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
const license = { customer: "Acme Robotics", product: "CAD Studio Pro", licenseKey: "SW-7KQ2-M9XD-4TPA-88LC", consoleUrl: "https://licenses.example.com/console/licenses/lic_123" };

/** Realistic data for the console's email previews (Settings → Emails). */
export const SAMPLE_EMAIL_DATA: { [K in TEmailKind]: TEmailData<K> } = {
  seat_alert: { ...license, seatsConsumed: 45, threshold: 45, seatLimit: 50, periodStart: inDays(-200), periodEnd: inDays(165) },
  goodwill_in_use: { ...license, seatsInUse: 52, seatLimit: 50, goodwillSeats: 5 },
  license_expiring: { ...license, expiresAt: inDays(30), daysLeft: 30, renewUrl: null },
  license_expired: { ...license, expiredAt: inDays(-1), renewUrl: null },
  lease_denials: { ...license, denials: 25, threshold: 20, day: inDays(0), seatLimit: 10 },
  invitation: { name: "Dana Whitfield", organizationName: "Acme Robotics", invitedBy: "sam@acme.example", acceptUrl: "https://licenses.example.com/invite/sw_link_7QnX2vLp", expiresAt: inDays(7) },
  admin_welcome: { name: "Sam Ortega", organizationName: "Acme Robotics", setupUrl: "https://licenses.example.com/welcome/license-admin?token=sw_link_Jr4mT9wB", expiresAt: inDays(7), products: ["CAD Studio Pro"] },
  admin_email_changed: { previousEmail: "sam@acme.example", newEmail: "s.ortega@acme.example", product: "CAD Studio Pro", changedAt: inDays(0), ip: "203.0.113.7" },
  password_reset: { name: "Dana Whitfield", resetUrl: "https://licenses.example.com/reset-password?token=sw_link_Xb8vR2kQ", expiresAt: inDays(1 / 24), ip: "203.0.113.7" },
};
