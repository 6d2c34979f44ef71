// Next.js calls register() once per server process. Background jobs run only in the Node.js runtime.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  (await import("./lib/webhooks/start-webhook-worker")).startWebhookWorker();
  (await import("./lib/notifications/start-notification-jobs")).startNotificationJobs();
}
