import type { TFilter } from "@/components/data-table/filters";

export function licenseFilters(
  products: { id: string; name: string }[],
  policies: { id: string; name: string; productId: string; product: { name: string } }[],
  productId?: string,
): TFilter[] {
  // With a product chosen, the policy list narrows to that product's policies.
  const shown = productId ? policies.filter((p) => p.productId === productId) : policies;
  return [
    { kind: "search", name: "q", label: "Search", placeholder: "Key, name or customer" },
    { kind: "search", name: "customer", label: "Customer", placeholder: "Customer name" },
    {
      kind: "select",
      name: "status",
      label: "Status",
      options: [
        { value: "ACTIVE", label: "Active" },
        { value: "SUSPENDED", label: "Suspended" },
        { value: "EXPIRED", label: "Expired" },
      ],
    },
    { kind: "select", name: "productId", label: "Product", options: products.map((p) => ({ value: p.id, label: p.name })) },
    { kind: "select", name: "policyId", label: "Policy", options: shown.map((p) => ({ value: p.id, label: productId ? p.name : `${p.product.name} · ${p.name}` })) },
    { kind: "number", name: "expiringWithinDays", label: "Expiring within (days)", min: 0, max: 3650, placeholder: "e.g. 30" },
    {
      kind: "select",
      name: "utilization",
      label: "Seat utilization",
      allLabel: "Any",
      options: [
        { value: "unused", label: "No seats in use" },
        { value: "in_use", label: "Some seats in use" },
        { value: "high", label: "80 % or more" },
        { value: "full", label: "At or over limit" },
      ],
    },
  ];
}
