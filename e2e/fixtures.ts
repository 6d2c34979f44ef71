import { test as base, expect, type APIRequestContext, type Page } from "@playwright/test";

export const STAFF = {
  email: process.env.E2E_ADMIN_EMAIL || "e2e-admin@seatwise.test",
  password: process.env.E2E_ADMIN_PASSWORD || "e2e-password-123",
};

export type TAdminApi = {
  token: string;
  post: <T = any>(path: string, body: unknown) => Promise<T>;
  get: <T = any>(path: string) => Promise<T>;
  patch: <T = any>(path: string, body: unknown) => Promise<T>;
};

/** Signs a browser context in through next-auth's credentials endpoint, as the sign-in form does. */
export async function signIn(page: Page, email: string, password: string) {
  const csrf = await (await page.request.get("/api/auth/csrf")).json();
  const res = await page.request.post("/api/auth/callback/credentials", {
    form: { csrfToken: csrf.csrfToken, email, password, json: "true" },
  });
  expect(res.ok()).toBeTruthy();
}

async function adminApi(request: APIRequestContext): Promise<TAdminApi> {
  const basic = Buffer.from(`${STAFF.email}:${STAFF.password}`).toString("base64");
  const res = await request.post("/api/v1/admin/tokens", { headers: { authorization: `Basic ${basic}` }, data: { name: "e2e" } });
  expect(res.status()).toBe(201);
  const { token } = await res.json();
  const headers = { authorization: `Bearer ${token}` };
  const send = async (method: "post" | "get" | "patch", path: string, data?: unknown) => {
    const r = await request[method](`/api/v1${path}`, { headers, data });
    if (!r.ok()) throw new Error(`${method.toUpperCase()} ${path} → ${r.status()} ${await r.text()}`);
    return r.json();
  };
  return { token, post: (p, b) => send("post", p, b), get: (p) => send("get", p), patch: (p, b) => send("patch", p, b) };
}

/**
 * `api`: the admin API with a fresh token, for tests to seed their own data.
 * `staffPage`: a page already signed in as the e2e staff admin.
 */
export const test = base.extend<{ api: TAdminApi; staffPage: Page }>({
  api: async ({ request }, use) => {
    await use(await adminApi(request));
  },
  staffPage: async ({ page }, use) => {
    await signIn(page, STAFF.email, STAFF.password);
    await use(page);
  },
});

export { expect };

let counter = 0;
export function unique(prefix: string) {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}`;
}

/** Creates product → policy → organization → license through the admin API. */
export async function seedLicense(api: TAdminApi, options: { seats?: number; model?: "NODE_LOCKED" | "FLOATING"; orgName?: string } = {}) {
  const { product } = await api.post("/admin/products", { name: unique("Product"), code: unique("p") });
  const { policy } = await api.post("/admin/policies", {
    productId: product.id,
    name: unique("Policy"),
    model: options.model ?? "NODE_LOCKED",
    seats: options.seats ?? 5,
    durationDays: 365,
  });
  const { organization } = await api.post("/admin/organizations", { name: options.orgName ?? unique("Org") });
  const { license } = await api.post("/admin/licenses", { policyId: policy.id, organizationId: organization.id, name: unique("License") });
  return { product, policy, organization, license };
}
