"use client";

const PAGE_SIZES = [10, 25, 50, 100];
const fmt = new Intl.NumberFormat("en-US");

export function PaginationBar({
  page,
  pageSize,
  total,
  onPage,
  onPageSize,
}: {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
  onPageSize: (size: number) => void;
}) {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  const button =
    "rounded-md px-2.5 py-1 text-sm ring-1 ring-slate-300 hover:bg-slate-50 disabled:cursor-not-allowed disabled:text-slate-300 focus-visible:outline-2 focus-visible:outline-indigo-600";
  return (
    <nav aria-label="Pagination" className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-100 px-4 py-2 text-sm text-slate-600">
      <p data-testid="table-range">
        {total === 0 ? "No results" : `${fmt.format(from)}–${fmt.format(to)} of ${fmt.format(total)}`}
      </p>
      <div className="flex items-center gap-2">
        <label className="flex items-center gap-1">
          <span>Rows</span>
          <select
            value={pageSize}
            onChange={(e) => onPageSize(Number(e.target.value))}
            className="rounded-md border-0 py-1 pr-7 pl-2 text-sm ring-1 ring-slate-300 focus:ring-2 focus:ring-indigo-600"
          >
            {PAGE_SIZES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className={button} onClick={() => onPage(1)} disabled={page <= 1} aria-label="First page">
          «
        </button>
        <button type="button" className={button} onClick={() => onPage(page - 1)} disabled={page <= 1}>
          Previous
        </button>
        <span aria-current="page">
          Page {fmt.format(Math.min(page, pageCount))} of {fmt.format(pageCount)}
        </span>
        <button type="button" className={button} onClick={() => onPage(page + 1)} disabled={page >= pageCount}>
          Next
        </button>
        <button type="button" className={button} onClick={() => onPage(pageCount)} disabled={page >= pageCount} aria-label="Last page">
          »
        </button>
      </div>
    </nav>
  );
}
