// Calls a route handler the way Next.js does, without a server: a Request in, a Response out.
type THandler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

export type TCallOptions = {
  method?: string;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
  params?: Record<string, string>;
  query?: Record<string, string>;
  ip?: string;
};

export async function callRoute(handler: THandler, options: TCallOptions = {}) {
  const url = new URL("http://localhost/api/test");
  for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.set(k, v);
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  const req = new Request(url, {
    method: options.method ?? (body === undefined ? "GET" : "POST"),
    headers: { "content-type": "application/json", "x-forwarded-for": options.ip ?? "127.0.0.1", ...options.headers },
    body,
  });
  const res = await handler(req, { params: Promise.resolve(options.params ?? {}) });
  const text = await res.text();
  let json: any;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, json, text };
}
