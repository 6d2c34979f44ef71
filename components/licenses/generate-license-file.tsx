"use client";

import { useEffect, useState, type FormEvent } from "react";
import { Button } from "../ui/button";
import { CopyButton } from "../ui/copy-button";
import { Field, Input } from "../ui/input";
import { generateLicenseFileAction, type TGenerateResult } from "./generate-license-file-action";

function download(fileName: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: "application/octet-stream" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * "Generate license file" for a machine code on one license (takes a seat if the machine has none).
 * Place it on the license page; `canEdit` false (read-only staff) shows why it is unavailable.
 */
export function GenerateLicenseFile({ licenseId, canEdit }: { licenseId: string; canEdit: boolean }) {
  const [result, setResult] = useState<TGenerateResult | null>(null);
  const [pending, setPending] = useState(false);
  useEffect(() => {
    if (result?.ok) download(result.fileName, result.licenseFile);
  }, [result]);

  if (!canEdit) return <p className="text-sm text-slate-500">Only admins can generate license files.</p>;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = { machineCode: String(form.get("machineCode") ?? ""), friendlyName: String(form.get("friendlyName") ?? "") };
    setPending(true);
    generateLicenseFileAction(licenseId, input)
      .then(setResult, () => setResult({ ok: false, message: "The server could not be reached. Try again." }))
      .finally(() => setPending(false));
  }

  const fieldError = result && !result.ok ? result.field : undefined;
  return (
    <div className="space-y-4">
      <form onSubmit={onSubmit} className="grid gap-4 md:grid-cols-[1fr_1fr_auto] md:items-start" noValidate>
        <Field label="Machine code" htmlFor="lf-machine-code" error={fieldError === "machineCode" && result && !result.ok ? result.message : undefined} hint="The code the app shows on the offline machine.">
          <Input id="lf-machine-code" name="machineCode" className="font-mono" autoComplete="off" spellCheck={false} aria-invalid={fieldError === "machineCode"} />
        </Field>
        <Field label="Machine name (optional)" htmlFor="lf-friendly-name" error={fieldError === "friendlyName" && result && !result.ok ? result.message : undefined}>
          <Input id="lf-friendly-name" name="friendlyName" autoComplete="off" />
        </Field>
        <Button type="submit" disabled={pending} className="md:mt-6">
          {pending ? "Generating…" : "Generate license file"}
        </Button>
      </form>
      {result && !result.ok && !result.field ? (
        <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 ring-1 ring-red-200" role="alert">
          {result.message}
        </p>
      ) : null}
      {result?.ok ? (
        <div className="space-y-3" role="status" data-testid="license-file-result">
          <p className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800 ring-1 ring-green-200">
            {result.created ? "Machine activated. " : "This machine already holds a seat. "}
            <span className="font-mono">{result.fileName}</span> is downloading; it is valid until{" "}
            {new Date(result.validUntil).toLocaleDateString("en-CA", { timeZone: "UTC" })}.
          </p>
          <textarea
            readOnly
            aria-label="License file contents"
            value={result.licenseFile}
            rows={8}
            className="block w-full rounded-md bg-slate-50 p-3 font-mono text-xs text-slate-800 ring-1 ring-slate-200"
          />
          <div className="flex gap-2">
            <Button type="button" variant="secondary" onClick={() => download(result.fileName, result.licenseFile)}>
              Download again
            </Button>
            <CopyButton text={result.licenseFile} label="Copy file contents" />
          </div>
        </div>
      ) : null}
    </div>
  );
}
