// A real HTTP receiver on 127.0.0.1 for webhook tests: records every request and answers with
// whatever the test scripts (status codes in turn, or a request that never gets an answer).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { Webhook } from "standardwebhooks";

export type TReceived = {
  id: string;
  timestamp: string;
  signature: string;
  body: string;
  payload: { id: string; type: string; timestamp: string; data: Record<string, any> };
  verified: boolean;
};

type TAnswer = number | "hang";

export type TReceiver = {
  url: string;
  received: TReceived[];
  /** Answers for the next requests, in order; afterwards `fallback` (default 200). */
  answers: TAnswer[];
  fallback: TAnswer;
  /** Decides the answer per request when set (takes precedence over `answers`). */
  respond: ((request: TReceived) => TAnswer | undefined) | null;
  secret: string | null;
  close(): Promise<void>;
};

// Ports 3340–3349 are this worktree's; take the first free one so parallel test files don't collide.
const PORTS = Array.from({ length: 10 }, (_, i) => 3340 + i);

async function listen(server: Server): Promise<number> {
  for (const port of PORTS) {
    const ok = await new Promise<boolean>((resolve) => {
      server.once("error", () => resolve(false));
      server.listen(port, "127.0.0.1", () => resolve(true));
    });
    if (ok) return port;
  }
  throw new Error("No free receiver port in 3340-3349");
}

export async function startReceiver(): Promise<TReceiver> {
  const hanging: ServerResponse[] = [];
  const receiver: TReceiver = { url: "", received: [], answers: [], fallback: 200, respond: null, secret: null, close: async () => {} };
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    const headers = {
      "webhook-id": String(req.headers["webhook-id"] ?? ""),
      "webhook-timestamp": String(req.headers["webhook-timestamp"] ?? ""),
      "webhook-signature": String(req.headers["webhook-signature"] ?? ""),
    };
    let verified = false;
    if (receiver.secret) {
      try {
        new Webhook(receiver.secret).verify(body, headers);
        verified = true;
      } catch {
        verified = false;
      }
    }
    const request: TReceived = {
      id: headers["webhook-id"],
      timestamp: headers["webhook-timestamp"],
      signature: headers["webhook-signature"],
      body,
      payload: JSON.parse(body),
      verified,
    };
    receiver.received.push(request);
    const answer = receiver.respond?.(request) ?? (receiver.answers.length > 0 ? receiver.answers.shift()! : receiver.fallback);
    if (answer === "hang") {
      hanging.push(res);
      return;
    }
    res.writeHead(answer, { "content-type": "text/plain" }).end(answer < 300 ? "ok" : `status ${answer}`);
  });
  const port = await listen(server);
  receiver.url = `http://127.0.0.1:${port}/hooks`;
  receiver.close = () =>
    new Promise((resolve) => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return receiver;
}
