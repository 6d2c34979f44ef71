// `npm run relay -- --upstream https://licenses.example.com --port 8080 [--host 0.0.0.0]`
import { parseArgs } from "node:util";
import { createRelay } from "../relay/relay";

const { values } = parseArgs({
  options: {
    upstream: { type: "string" },
    port: { type: "string", default: "8080" },
    host: { type: "string", default: "0.0.0.0" },
    help: { type: "boolean", short: "h" },
  },
});

if (values.help || !values.upstream) {
  console.log("Usage: npm run relay -- --upstream <https://your-seatwise> [--port 8080] [--host 0.0.0.0]");
  process.exit(values.help ? 0 : 1);
}

const port = Number(values.port);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`[relay] --port must be a port number, got ${values.port}`);
  process.exit(1);
}

let server: ReturnType<typeof createRelay>;
try {
  server = createRelay({ upstream: values.upstream });
} catch (error) {
  console.error(`[relay] ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
server.listen(port, values.host, () => console.log(`[relay] forwarding the Seatwise client API on http://${values.host}:${port} → ${values.upstream}`));
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
