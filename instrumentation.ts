// Next.js calls register() once per server process at start-up. Only the Node.js runtime gets the
// mail worker: the edge runtime has no database connection and no timers that outlive a request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startMailWorker } = await import("./lib/mail/worker");
  startMailWorker();
}
