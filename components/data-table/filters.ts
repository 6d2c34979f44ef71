/** Filters are plain data, so a server page can describe them and pass them to the client table. */
export type TFilterOption = { value: string; label: string };

export type TFilter =
  | { kind: "search"; name: string; label: string; placeholder?: string }
  | { kind: "select"; name: string; label: string; options: TFilterOption[]; allLabel?: string }
  | { kind: "number"; name: string; label: string; min?: number; max?: number; placeholder?: string }
  | { kind: "date"; name: string; label: string };

/** URL params every data table owns besides its filters. */
export const TABLE_PARAMS = ["page", "size", "sort", "dir"] as const;
