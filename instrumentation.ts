// Next.js calls register() once per server process. Background jobs run only in the Node.js runtime.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startLeaseReclaimer } = await import("./lib/licensing/lease-reclaimer");
  startLeaseReclaimer();
}
