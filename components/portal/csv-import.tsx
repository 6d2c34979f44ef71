"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type ChangeEvent } from "react";
import { importUsersAction } from "@/app/portal/actions";
import type { TImportRowResult } from "@/lib/orgs/import-org-users";
import { Button } from "../ui/button";
import { Badge } from "./badge";

type TReport = { results: TImportRowResult[]; created: number; skipped: number; failed: number };

const EXAMPLE = "email,name,role\nada@example.com,Ada Lovelace,member\ngrace@example.com,Grace Hopper,admin";

/** CSV import with a per-row report: which lines became users, which were skipped and why. */
export function CsvImport() {
  const router = useRouter();
  const [text, setText] = useState("");
  const [fileName, setFileName] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [report, setReport] = useState<TReport | null>(null);
  const [pending, startTransition] = useTransition();

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    if (file.size > 512 * 1024) {
      setError("The file is larger than 512 KB. Split it into smaller files.");
      return;
    }
    setFileName(file.name);
    setText(await file.text());
    setError(null);
  }

  function onImport() {
    if (!text.trim()) {
      setError("Choose a CSV file or paste its contents first.");
      return;
    }
    setError(null);
    startTransition(async () => {
      const result = await importUsersAction(text);
      if (!result.ok) {
        setError(result.error);
        setReport(null);
        return;
      }
      setReport(result.data);
      router.refresh();
    });
  }

  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">
        One user per line. The first line names the columns: <code className="text-xs">email</code>, <code className="text-xs">name</code> and optionally{" "}
        <code className="text-xs">role</code> (member or admin), <code className="text-xs">canManageUsers</code>, <code className="text-xs">canDeactivateSeats</code> (yes/no). Every new
        user gets an invitation email.
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <label className="text-sm font-medium text-slate-700" htmlFor="csv-file">
          CSV file
        </label>
        <input id="csv-file" type="file" accept=".csv,text/csv" onChange={onFile} className="text-sm" />
        {fileName ? <span className="text-xs text-slate-500">{fileName}</span> : null}
      </div>
      <div>
        <label htmlFor="csv-text" className="block text-sm font-medium text-slate-700">
          …or paste CSV
        </label>
        <textarea
          id="csv-text"
          value={text}
          onChange={(e) => setText(e.target.value)}
          rows={5}
          placeholder={EXAMPLE}
          className="mt-1 block w-full rounded-md border-0 px-3 py-2 font-mono text-xs shadow-sm ring-1 ring-slate-300 focus:ring-2 focus:ring-indigo-600"
        />
      </div>
      {error ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <Button onClick={onImport} disabled={pending}>
        {pending ? "Importing…" : "Import users"}
      </Button>
      {report ? (
        <div className="space-y-2" role="status" aria-label="Import report">
          <p className="text-sm font-medium text-slate-800">
            {report.created} created · {report.skipped} skipped · {report.failed} failed
          </p>
          <table className="w-full text-left text-sm">
            <thead className="text-xs text-slate-500 uppercase">
              <tr>
                <th className="py-1 pr-3">Line</th>
                <th className="pr-3">Email</th>
                <th className="pr-3">Result</th>
                <th>Details</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {report.results.map((r) => (
                <tr key={r.line}>
                  <td className="py-1 pr-3 text-slate-500">{r.line}</td>
                  <td className="pr-3 break-all">{r.email || <span className="text-slate-400">(empty)</span>}</td>
                  <td className="pr-3">
                    <Badge tone={r.status === "created" ? "green" : r.status === "skipped" ? "amber" : "red"}>{r.status}</Badge>
                  </td>
                  <td className="text-slate-600">{r.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
