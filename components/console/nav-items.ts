/** The console's sections, in menu order. `match` decides which item is current for a path. */
export type TNavItem = { href: string; label: string; match: (path: string) => boolean };

const under = (prefix: string) => (path: string) => path === prefix || path.startsWith(`${prefix}/`);

export const NAV_ITEMS: TNavItem[] = [
  { href: "/console", label: "Dashboard", match: (p) => p === "/console" },
  { href: "/console/licenses", label: "Licenses", match: under("/console/licenses") },
  { href: "/console/customers", label: "Customers", match: under("/console/customers") },
  { href: "/console/products", label: "Products & policies", match: (p) => under("/console/products")(p) || under("/console/policies")(p) },
  { href: "/console/events", label: "Events", match: under("/console/events") },
  { href: "/console/billing", label: "Billing", match: under("/console/billing") },
  { href: "/console/settings", label: "Settings", match: under("/console/settings") },
];
