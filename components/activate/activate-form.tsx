"use client";

import { useEffect, useRef, useState, type FormEvent } from "react";
import { activationFormMessage, ZActivationFormInput } from "@/lib/license-files/activation-form";
import { Button, buttonClass } from "../ui/button";
import { Field, Input } from "../ui/input";

type TFieldErrors = Partial<Record<"key" | "machineCode" | "friendlyName", string>>;
type TDone = { fileName: string; url: string; created: boolean; machineCode: string };

function fileNameFrom(disposition: string | null, fallback: string): string {
  const match = /filename="([^"]+)"/.exec(disposition ?? "");
  return match?.[1] ?? fallback;
}

function saveFile(url: string, fileName: string) {
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
}

/** Works without JavaScript too (plain POST, the server answers the file or redirects back with ?error). */
export function ActivateForm({ initialError }: { initialError?: string }) {
  const [errors, setErrors] = useState<TFieldErrors>({});
  const [formError, setFormError] = useState<string | null>(initialError ?? null);
  const [pending, setPending] = useState(false);
  const [done, setDone] = useState<TDone | null>(null);
  const [key, setKey] = useState("");
  const successRef = useRef<HTMLDivElement>(null);

  useEffect(() => () => (done ? URL.revokeObjectURL(done.url) : undefined), [done]);
  useEffect(() => successRef.current?.focus(), [done]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = ZActivationFormInput.safeParse({
      key: String(form.get("key") ?? ""),
      machineCode: String(form.get("machineCode") ?? ""),
      friendlyName: String(form.get("friendlyName") ?? ""),
    });
    setFormError(null);
    if (!parsed.success) {
      const next: TFieldErrors = {};
      for (const issue of parsed.error.issues) next[issue.path[0] as keyof TFieldErrors] ??= issue.message;
      setErrors(next);
      return;
    }
    setErrors({});
    setKey(parsed.data.key);
    setPending(true);
    try {
      const res = await fetch("/activate/license-file", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(parsed.data),
      });
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as {
          error?: { code?: string; message?: string; seats?: { limit?: number; used?: number } };
        } | null;
        setFormError(activationFormMessage(body?.error?.code, body?.error?.message, body?.error?.seats));
        return;
      }
      const blob = await res.blob();
      const fileName = fileNameFrom(res.headers.get("content-disposition"), "license.lic");
      const url = URL.createObjectURL(blob);
      setDone({ fileName, url, created: res.headers.get("seatwise-activation") === "created", machineCode: parsed.data.machineCode });
      saveFile(url, fileName);
    } catch {
      setFormError("We couldn't reach the license server. Check your connection and try again.");
    } finally {
      setPending(false);
    }
  }

  // Same license, next machine: the key stays filled in.
  function activateAnother() {
    setDone(null);
    setTimeout(() => document.getElementById("machineCode")?.focus());
  }

  if (done) {
    return (
      <div ref={successRef} tabIndex={-1} className="space-y-4 outline-none" role="status" data-testid="activation-success">
        <div className="rounded-md bg-green-50 px-4 py-3 text-sm text-green-800 ring-1 ring-green-200">
          <p className="font-semibold">
            {done.created ? "Machine activated." : "This machine already had a seat: here is a fresh license file."}
          </p>
          <p className="mt-1">
            Your browser is downloading <span className="font-mono font-medium">{done.fileName}</span>.
          </p>
        </div>
        <ol className="list-decimal space-y-1 pl-5 text-sm text-slate-700">
          <li>Copy <span className="font-mono">{done.fileName}</span> to the offline machine (for example on a USB stick).</li>
          <li>In the app, choose <em>Activate offline</em> and open the file.</li>
          <li>Before the file&apos;s validity ends, come back here with the same machine code to get a new one.</li>
        </ol>
        <div className="flex flex-wrap gap-2">
          <a href={done.url} download={done.fileName} className={buttonClass("secondary")}>
            Download again
          </a>
          <Button type="button" onClick={activateAnother}>
            Activate another machine
          </Button>
        </div>
      </div>
    );
  }

  return (
    <form action="/activate/license-file" method="post" onSubmit={onSubmit} className="space-y-4" noValidate>
      <Field label="License key" htmlFor="key" error={errors.key} hint="From your license email, e.g. ABCDE-FGHIJ-…">
        <Input id="key" name="key" defaultValue={key} autoComplete="off" spellCheck={false} className="font-mono" aria-invalid={!!errors.key} autoFocus={!key} />
      </Field>
      <Field label="Machine code" htmlFor="machineCode" error={errors.machineCode} hint="Shown by the app on the offline machine under Activate offline.">
        <Input id="machineCode" name="machineCode" autoComplete="off" spellCheck={false} className="font-mono" aria-invalid={!!errors.machineCode} />
      </Field>
      <Field label="Machine name (optional)" htmlFor="friendlyName" error={errors.friendlyName} hint="Helps you recognise this machine later, e.g. “Lab PC 3”.">
        <Input id="friendlyName" name="friendlyName" autoComplete="off" aria-invalid={!!errors.friendlyName} />
      </Field>
      {formError ? (
        <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 ring-1 ring-red-200" role="alert" data-testid="activation-error">
          {formError}
        </p>
      ) : null}
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Activating…" : "Activate and download license file"}
      </Button>
    </form>
  );
}
