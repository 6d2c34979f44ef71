import { randomUUID } from "node:crypto";
import type { ClockGuard } from "./clock";
import { SeatwiseClientError, SignatureError } from "./errors";
import { Transport, type TRawResponse, type TRequest, type TTransportOptions } from "./http";
import { KeyRing, type TTrustedKeys } from "./keys";
import { FloatingLease, type TCheckoutOptions } from "./lease";
import { verifyResponseSignature } from "./signature";
import type { TDeviceInfo, TLicenseInfo, TPublicKeyInfo, TSeatResult, TSignInResult, TValidation } from "./types";

export type TSignatureMode = "off" | "if-present" | "required";

export type TClientOptions = TTransportOptions & {
  /** License-key mode: the key the customer typed in. */
  key?: string;
  /** User-token mode (after signIn): a sw_user_… token and the license it acts on. */
  token?: string;
  licenseId?: string;
  /** Vendor public key(s) embedded in the app: enables signed-response verification. */
  publicKeys?: TTrustedKeys;
  /** Default: "required" when publicKeys are set, otherwise "off". */
  responseSignatures?: TSignatureMode;
  /** Maximum distance between a signed answer's Date and this machine's clock (default 15 min). */
  maxResponseAgeMs?: number | null;
  /** Signed server times move this guard forward, so a later offline check can spot a clock set back. */
  clock?: ClockGuard;
  /** Sent with activations and heartbeats. */
  device?: TDeviceInfo;
};

type TCallOptions = { signal?: AbortSignal };

/**
 * Seatwise client for desktop and on-prem apps (Node 20+, Electron main process).
 * No dependency beyond Node's own modules; every failure is a typed SeatwiseClientError.
 */
export class SeatwiseClient {
  private readonly transport: Transport;
  private readonly keys: KeyRing | null;
  private readonly signatureMode: TSignatureMode;
  key: string | undefined;
  token: string | undefined;
  licenseId: string | undefined;

  constructor(private readonly options: TClientOptions) {
    this.transport = new Transport({ userAgent: "seatwise-client/1", ...options });
    this.keys = options.publicKeys ? new KeyRing(options.publicKeys) : null;
    this.signatureMode = options.responseSignatures ?? (this.keys ? "required" : "off");
    if (this.signatureMode !== "off" && !this.keys) throw new TypeError("responseSignatures needs publicKeys");
    this.key = options.key;
    this.token = options.token;
    this.licenseId = options.licenseId;
  }

  get baseUrl() {
    return this.transport.baseUrl;
  }

  /** Exchanges a user's email and password for a short-lived user token (user-token mode). */
  async signIn(email: string, password: string, call: TCallOptions = {}): Promise<TSignInResult> {
    const result = await this.call<TSignInResult>({ method: "POST", path: "/api/v1/auth/token", body: { email, password }, ...call });
    this.token = result.token;
    this.key = undefined;
    return result;
  }

  /** The licenses of the signed-in user's organization (user-token mode). */
  async myLicenses(call: TCallOptions = {}): Promise<TLicenseInfo[]> {
    const result = await this.call<{ licenses: TLicenseInfo[] }>({ method: "GET", path: "/api/v1/me/licenses", headers: this.authHeaders(), ...call });
    return result.licenses;
  }

  /** Takes a seat (or, on a floating license, a lease) for this machine. Idempotent per fingerprint. */
  activate(input: { fingerprint: string } & TDeviceInfo, call: TCallOptions = {}): Promise<TSeatResult> {
    return this.seatCall<TSeatResult>("/api/v1/activations", { ...this.options.device, ...input }, call);
  }

  /**
   * Asks whether the license is valid (for this machine when a fingerprint is given). Always
   * answers with a code; a random nonce is sent and checked in the answer against replays.
   */
  async validate(input: { fingerprint?: string; entitlements?: string[]; nonce?: string } = {}, call: TCallOptions = {}): Promise<TValidation> {
    const nonce = input.nonce ?? randomUUID();
    const result = await this.seatCall<TValidation>("/api/v1/validate", { ...input, nonce }, call);
    if (result.nonce !== undefined && result.nonce !== nonce) throw new SignatureError("INVALID", "The validation answer echoes another request's nonce");
    return result;
  }

  /** Keeps the seat alive; on a floating license it renews the lease. */
  heartbeat(input: { fingerprint: string; appVersion?: string; platform?: string }, call: TCallOptions = {}): Promise<TSeatResult> {
    const { appVersion, platform } = this.options.device ?? {};
    return this.seatCall<TSeatResult>("/api/v1/heartbeats", { appVersion, platform, ...input }, call);
  }

  /** Frees the seat (releases the lease) of this machine. */
  deactivate(input: { fingerprint: string }, call: TCallOptions = {}): Promise<Record<string, unknown>> {
    return this.seatCall<Record<string, unknown>>("/api/v1/deactivations", input, call);
  }

  /** A signed license file for offline use, for a machine that holds a seat. */
  async licenseFile(input: { fingerprint: string }, call: TCallOptions = {}): Promise<string> {
    const result = await this.seatCall<{ licenseFile: string }>("/api/v1/license-files", input, call);
    return result.licenseFile;
  }

  /** The server's current public keys. Use it at build time; an app should embed the key, not trust this at run time. */
  publicKey(call: TCallOptions = {}): Promise<TPublicKeyInfo> {
    return this.call<TPublicKeyInfo>({ method: "GET", path: "/api/v1/public-key", ...call });
  }

  /** Checks out a floating seat and keeps it with an automatic refresh loop until lease.stop(). */
  async checkout(options: TCheckoutOptions): Promise<FloatingLease> {
    const lease = new FloatingLease(this, options);
    await lease.start();
    return lease;
  }

  private async seatCall<T>(path: string, input: Record<string, unknown>, call: TCallOptions): Promise<T> {
    const body = Object.fromEntries(Object.entries({ ...input, ...this.credentials() }).filter(([, v]) => v !== undefined));
    return this.call<T>({ method: "POST", path, body, headers: this.authHeaders(), ...call });
  }

  private credentials(): Record<string, string> {
    if (this.token) {
      if (!this.licenseId) throw new SeatwiseClientError("Signed in with a user token: set client.licenseId to the license to use");
      return { licenseId: this.licenseId };
    }
    if (this.key) return { key: this.key };
    throw new SeatwiseClientError("No credentials: pass a license key or call signIn() first");
  }

  private authHeaders(): Record<string, string> {
    return this.token ? { authorization: `Bearer ${this.token}` } : {};
  }

  private async call<T>(request: TRequest): Promise<T> {
    const response = await this.transport.send(request);
    await this.checkSignature(response);
    return response.json as T;
  }

  private async checkSignature(response: TRawResponse) {
    if (this.signatureMode === "off" || !this.keys) return;
    const signature = response.headers.get("seatwise-signature");
    if (!signature && this.signatureMode === "if-present") return;
    const { signedAt } = verifyResponseSignature(
      { signature, date: response.headers.get("date"), body: response.bytes },
      { keys: this.keys, maxAgeMs: this.options.maxResponseAgeMs },
    );
    await this.options.clock?.observe(signedAt);
  }
}
