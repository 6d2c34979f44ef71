import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { ERROR_STATUS } from "@/lib/api/errors";

export const metadata: Metadata = { title: "Integration guide" };

function Code({ children }: { children: string }) {
  return (
    <pre className="my-3 overflow-x-auto rounded-md bg-slate-900 p-4 text-[13px] leading-relaxed text-slate-100">
      <code>{children.trim()}</code>
    </pre>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="scroll-mt-6 border-t border-slate-100 pt-8">
      <h2 id={`${id}-title`} className="text-xl font-semibold text-slate-900">
        {title}
      </h2>
      <div className="mt-3 space-y-3 text-[15px] leading-7 text-slate-700">{children}</div>
    </section>
  );
}

const C = ({ children }: { children: ReactNode }) => <code className="rounded bg-slate-100 px-1 py-0.5 text-[13px] text-slate-800">{children}</code>;

const TOC = [
  ["quick-start", "Quick start"],
  ["seat", "Activate and keep the seat"],
  ["floating", "Floating licenses"],
  ["users", "Users instead of keys"],
  ["offline", "Going offline: license files"],
  ["signatures", "Signed answers"],
  ["errors", "Errors, timeouts and retries"],
  ["relay", "On-prem relay"],
  ["example", "Example app"],
] as const;

export default function GuidePage() {
  return (
    <div className="mx-auto flex max-w-7xl gap-10 px-4 py-8">
      <aside className="hidden w-56 shrink-0 lg:block">
        <nav aria-label="On this page" className="sticky top-6 text-sm">
          <p className="mb-2 font-semibold text-slate-900">On this page</p>
          <ul className="space-y-1.5">
            {TOC.map(([id, label]) => (
              <li key={id}>
                <a href={`#${id}`} className="text-slate-600 hover:text-indigo-700 focus-visible:outline-2 focus-visible:outline-indigo-600">
                  {label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </aside>
      <main className="min-w-0 max-w-3xl flex-1 space-y-8">
        <header>
          <h1 className="text-3xl font-bold tracking-tight text-slate-900">Integrate Seatwise into your app</h1>
          <p className="mt-3 text-[15px] leading-7 text-slate-700">
            Your desktop or on-prem application takes a seat when it starts, keeps it with heartbeats, keeps working offline with a signed license
            file, and gives the seat back when it quits. The TypeScript client in <C>lib/client</C> does all of it on Node 20+ and in Electron&apos;s
            main process, with no dependencies. Every endpoint is in the <Link href="/docs/api" className="text-indigo-700 underline">API reference</Link>.
          </p>
        </header>

        <Section id="quick-start" title="Quick start">
          <p>Copy <C>lib/client</C> into your app (or import it from this repository), create one client and derive a machine code:</p>
          <Code>{`
import { SeatwiseClient, machineFingerprint } from "./seatwise-client";

const client = new SeatwiseClient({
  baseUrl: "https://licenses.example.com",
  key: userEnteredKey,
  // From GET /api/v1/public-key, embedded in the app at build time:
  publicKeys: [{ keyId: "…", publicKey: VENDOR_PUBLIC_KEY_PEM }],
  device: { friendlyName: "Alice's laptop", appVersion: "2.4.0" },
});
const { fingerprint } = await machineFingerprint({ salt: "com.example.editor" });
`}</Code>
          <p>
            The machine code is SHA-256 over your salt and the OS&apos;s own id: <C>/etc/machine-id</C> on Linux, the registry&apos;s{" "}
            <C>MachineGuid</C> on Windows, <C>IOPlatformUUID</C> on macOS. Only when none is readable does it fall back to hostname, CPU model,
            total memory and the sorted MAC addresses of physical interfaces. The salt keeps your codes unrelated to other vendors&apos;.
          </p>
        </Section>

        <Section id="seat" title="Activate and keep the seat">
          <Code>{`
const { activation, license } = await client.activate({ fingerprint }); // idempotent
const verdict = await client.validate({ fingerprint }); // { valid, code: "VALID" | "EXPIRED" | … }
await client.heartbeat({ fingerprint });                // every few minutes
await client.deactivate({ fingerprint });               // on uninstall / "release this device"
`}</Code>
          <p>
            <C>validate</C> always answers with a code instead of an error and echoes a random nonce, which the client checks. The simplest way to
            keep a seat is <C>checkout()</C> below: it runs the heartbeat loop for you, node-locked or floating.
          </p>
        </Section>

        <Section id="floating" title="Floating licenses">
          <Code>{`
const lease = await client.checkout({
  fingerprint,
  waitForSeat: true,                   // wait per Retry-After when every seat is taken
  signal: appShutdown.signal,          // aborting stops the loop and releases the lease
  onLost: (error) => lockTheApp(error),
});
// … on exit:
await lease.stop();                    // never throws; returns { released }
`}</Code>
          <p>
            The loop refreshes before the server&apos;s <C>refreshBefore</C> (or half the lease, at least 30 s before it ends). After a sleep or a
            network gap past the lease end, a heartbeat answers <C>LEASE_EXPIRED</C>; the loop takes a new lease when a seat is free and tells you
            through <C>onLost</C> when none is. <C>SEAT_LIMIT_REACHED</C> carries <C>retryAfter</C>: the seconds until the earliest lease ends.
          </p>
        </Section>

        <Section id="users" title="Users instead of keys">
          <p>Customers whose organization manages users can sign in with email and password instead of typing a key:</p>
          <Code>{`
await client.signIn(email, password);          // POST /api/v1/auth/token → short-lived sw_user_… token
const [license] = await client.myLicenses();   // GET /api/v1/me/licenses
client.licenseId = license.id;                 // calls now send Authorization: Bearer + { licenseId, fingerprint }
await client.activate({ fingerprint });
`}</Code>
        </Section>

        <Section id="offline" title="Going offline: license files">
          <p>
            A machine that holds a seat can fetch a signed license file (<C>client.licenseFile()</C>, or the activation form for machines that never
            see the internet). Save it, and verify it when the server can&apos;t be reached:
          </p>
          <Code>{`
import { verifyLicenseFile, ClockGuard, FileClockStore } from "./seatwise-client";

const clock = new ClockGuard(new FileClockStore(path.join(appData, "clock.json"))); // tolerance: 1 hour
const { payload } = await verifyLicenseFile(fileTextOrBuffer, {
  keys: VENDOR_PUBLIC_KEYS,
  product: "editor",          // required: null only to accept any product
  fingerprint,                // required: null only to accept any machine
  clock,
});
`}</Code>
          <p>
            By default it checks the Ed25519 signature, the product, the machine, the license&apos;s <C>expiresAt</C> and the file&apos;s{" "}
            <C>validUntil</C>, and it refuses a clock set back more than an hour before the latest time it has seen (from earlier checks, from the
            file&apos;s <C>issuedAt</C> and from signed server answers). It takes a string, a Buffer or a Uint8Array. The file format:
          </p>
          <Code>{`
-----BEGIN SEATWISE LICENSE FILE-----
base64 of {"payload": base64(payload JSON bytes), "signature": base64(Ed25519 over those bytes),
           "algorithm": "ed25519", "keyId": "…"}, wrapped at 64 characters
-----END SEATWISE LICENSE FILE-----
`}</Code>
        </Section>

        <Section id="signatures" title="Signed answers">
          <p>
            Client API answers carry <C>Seatwise-Signature: keyId=&quot;…&quot;, algorithm=&quot;ed25519&quot;, signature=&quot;…&quot;</C> over the{" "}
            <C>Date</C> header, a newline and the exact body bytes. With <C>publicKeys</C> set, the client verifies every answer and refuses
            unsigned, altered or stale (more than 15 minutes off) ones with a <C>SignatureError</C>.
          </p>
        </Section>

        <Section id="errors" title="Errors, timeouts and retries">
          <p>
            Every failure is a typed error: <C>SeatwiseError</C> (the server refused: <C>code</C>, <C>status</C>, <C>retryAfter</C>,{" "}
            <C>details</C>), <C>NetworkError</C>, <C>TimeoutError</C>, <C>SignatureError</C>, <C>LicenseFileError</C>, <C>ClockTamperError</C>.
            Each attempt times out after 10 s; network errors, 5xx and 429 are retried 3 times with exponential backoff and jitter (honouring
            Retry-After up to 60 s); refusals (4xx) are never retried.
          </p>
          <div className="overflow-x-auto rounded-md ring-1 ring-slate-200">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Error codes and HTTP statuses</caption>
              <thead className="bg-slate-50 text-slate-600">
                <tr>
                  <th scope="col" className="px-3 py-2 font-medium">Code</th>
                  <th scope="col" className="px-3 py-2 font-medium">HTTP status</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {Object.entries(ERROR_STATUS).map(([code, status]) => (
                  <tr key={code}>
                    <td className="px-3 py-1.5 font-mono text-[13px]">{code}</td>
                    <td className="px-3 py-1.5">{status}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Section>

        <Section id="relay" title="On-prem relay">
          <p>
            When only one machine in a customer&apos;s network may reach the internet, run the relay there and point your apps at it. It forwards
            the client API only (activations, validate, heartbeats, deactivations, license files, public key, user sign-in and <C>/me</C>), refuses
            everything else with 403 <C>FORBIDDEN</C>, keeps bodies and signatures byte for byte, adds <C>X-Forwarded-For</C> and logs each request.
          </p>
          <Code>{`
npm run relay -- --upstream https://licenses.example.com --port 8080
# apps: new SeatwiseClient({ baseUrl: "http://relay-host:8080", … })
`}</Code>
        </Section>

        <Section id="example" title="Example app">
          <p>
            <C>npm run example -- --server http://localhost:3000</C> asks for a key (or email and password), activates, keeps a heartbeat, saves and
            verifies its license file, and deactivates on Ctrl+C. Run it with <C>--offline</C>, or with the server unreachable, to see offline
            verification. Its source, <C>lib/client/example/app.ts</C>, is meant to be copied.
          </p>
        </Section>
      </main>
    </div>
  );
}
