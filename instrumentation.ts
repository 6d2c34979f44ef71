// Next.js calls register() once per server process at start-up (this file must sit at the project root).
// Background jobs run only in the Node.js runtime: the edge runtime has no database connection and no
// timers that outlive a request. Each job claims its rows in the database, so several app instances
// can run them side by side.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startMailWorker } = await import("./lib/mail/worker");
  const { startLeaseReclaimer } = await import("./lib/licensing/lease-reclaimer");
  startMailWorker();
  startLeaseReclaimer();
  (await import("./lib/webhooks/start-webhook-worker")).startWebhookWorker();
  (await import("./lib/notifications/start-notification-jobs")).startNotificationJobs();
}
