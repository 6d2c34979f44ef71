"use client";

import type { FormEvent } from "react";
import type { TFilter } from "./filters";

const CONTROL =
  "block w-full rounded-md border-0 px-2.5 py-1.5 text-sm text-slate-900 shadow-sm ring-1 ring-slate-300 focus:ring-2 focus:ring-indigo-600 focus:outline-none";

export function FilterBar({
  filters,
  searchParams,
  onApply,
}: {
  filters: TFilter[];
  searchParams: URLSearchParams;
  onApply: (values: Record<string, string | null>) => void;
}) {
  if (filters.length === 0) return null;
  const active = filters.some((f) => searchParams.get(f.name));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    onApply(Object.fromEntries(filters.map((f) => [f.name, String(form.get(f.name) ?? "").trim() || null])));
  }

  return (
    <form
      // Remount on navigation so inputs show what the URL says (back button, reset).
      key={searchParams.toString()}
      onSubmit={submit}
      role="search"
      className="flex flex-wrap items-end gap-3 border-b border-slate-100 px-4 py-3"
    >
      {filters.map((filter) => {
        const id = `filter-${filter.name}`;
        const value = searchParams.get(filter.name) ?? "";
        return (
          <div key={filter.name} className={filter.kind === "search" ? "min-w-56 flex-1" : "w-40"}>
            <label htmlFor={id} className="mb-1 block text-xs font-medium text-slate-600">
              {filter.label}
            </label>
            {filter.kind === "select" ? (
              <select
                id={id}
                name={filter.name}
                defaultValue={value}
                className={CONTROL}
                onChange={(e) => e.currentTarget.form?.requestSubmit()}
              >
                <option value="">{filter.allLabel ?? "All"}</option>
                {filter.options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            ) : (
              <input
                id={id}
                name={filter.name}
                defaultValue={value}
                type={filter.kind === "search" ? "search" : filter.kind}
                min={filter.kind === "number" ? filter.min : undefined}
                max={filter.kind === "number" ? filter.max : undefined}
                placeholder={"placeholder" in filter ? filter.placeholder : undefined}
                className={CONTROL}
              />
            )}
          </div>
        );
      })}
      <div className="flex gap-2">
        <button type="submit" className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600">
          Apply
        </button>
        {active ? (
          <button
            type="button"
            onClick={() => onApply(Object.fromEntries(filters.map((f) => [f.name, null])))}
            className="rounded-md px-3 py-1.5 text-sm font-medium text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-600"
          >
            Clear filters
          </button>
        ) : null}
      </div>
    </form>
  );
}
