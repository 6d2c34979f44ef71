import type { Metadata } from "next";
import { RotateSigningKeyButton } from "@/components/settings/rotate-signing-key-button";
import { Card } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { currentUser } from "@/lib/auth/session";
import { listPublicKeys } from "@/lib/signing/signing-keys";

export const metadata: Metadata = { title: "Signing key" };
export const dynamic = "force-dynamic";

function formatDate(iso: string) {
  return new Date(iso).toLocaleString("en-CA", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) + " UTC";
}

export default async function SigningKeyPage() {
  const [user, keys] = await Promise.all([currentUser(), listPublicKeys()]);
  const active = keys.find((k) => k.active)!;
  const older = keys.filter((k) => !k.active);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold">Signing key</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">
          Seatwise signs every license file and every client API answer with this Ed25519 key. Apps verify them with the
          public key below, with no network needed. Embed it in your app, or fetch it from{" "}
          <a href="/api/v1/public-key" className="font-mono text-indigo-700 underline">
            /api/v1/public-key
          </a>
          .
        </p>
      </div>

      <Card title="Active public key" actions={<CopyButton text={active.publicKey} label="Copy public key" />}>
        <dl className="mb-4 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1 text-sm">
          <dt className="text-slate-500">Key ID</dt>
          <dd className="font-mono" data-testid="active-key-id">
            {active.keyId}
          </dd>
          <dt className="text-slate-500">Algorithm</dt>
          <dd>Ed25519</dd>
          <dt className="text-slate-500">Created</dt>
          <dd>{formatDate(active.createdAt)}</dd>
        </dl>
        <pre className="overflow-x-auto rounded-md bg-slate-50 p-3 font-mono text-xs text-slate-800 ring-1 ring-slate-200" data-testid="active-public-key">
          {active.publicKey.trim()}
        </pre>
      </Card>

      <Card title="Rotate">
        <p className="mb-3 max-w-3xl text-sm text-slate-600">
          Rotate if you suspect the private key or the server secret leaked. The private key never leaves the server; it is
          stored encrypted with SEATWISE_SECRET.
        </p>
        {user?.role === "ADMIN" ? (
          <RotateSigningKeyButton />
        ) : (
          <p className="text-sm text-slate-500">Only admins can rotate the signing key.</p>
        )}
      </Card>

      <Card title={`Previous keys (${older.length})`}>
        {older.length === 0 ? (
          <p className="text-sm text-slate-500">No previous keys. After a rotation, old keys stay here so files they signed still verify.</p>
        ) : (
          <table className="w-full text-left text-sm">
            <thead className="text-xs text-slate-500 uppercase">
              <tr>
                <th className="py-2">Key ID</th>
                <th>Created</th>
                <th>Retired</th>
                <th className="sr-only">Public key</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {older.map((k) => (
                <tr key={k.keyId}>
                  <td className="py-2 font-mono">{k.keyId}</td>
                  <td>{formatDate(k.createdAt)}</td>
                  <td>{k.retiredAt ? formatDate(k.retiredAt) : "—"}</td>
                  <td className="text-right">
                    <CopyButton text={k.publicKey} label="Copy public key" />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </div>
  );
}
