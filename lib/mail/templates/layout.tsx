import { Body, Button, Container, Head, Heading, Hr, Html, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";

const styles = {
  body: { backgroundColor: "#f1f5f9", fontFamily: "-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif", margin: 0, padding: "24px 0" },
  container: { backgroundColor: "#ffffff", borderRadius: "8px", margin: "0 auto", maxWidth: "560px", padding: "32px" },
  brand: { color: "#4338ca", fontSize: "14px", fontWeight: 700, letterSpacing: "0.02em", margin: "0 0 24px" },
  heading: { color: "#0f172a", fontSize: "20px", fontWeight: 600, lineHeight: "28px", margin: "0 0 16px" },
  footer: { color: "#64748b", fontSize: "12px", lineHeight: "18px", margin: 0 },
  button: { backgroundColor: "#4f46e5", borderRadius: "6px", color: "#ffffff", fontSize: "14px", fontWeight: 600, padding: "10px 18px", textDecoration: "none" },
} as const;

export const textStyle = { color: "#334155", fontSize: "14px", lineHeight: "22px", margin: "0 0 12px" } as const;

/** Every Seatwise email: one column, brand line, heading, body, optional button, footer explaining why it was sent. */
export function EmailLayout({ preview, heading, children, action, footer }: {
  preview: string;
  heading: string;
  children: ReactNode;
  action?: { label: string; url: string };
  footer: string;
}) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Text style={styles.brand}>Seatwise</Text>
          <Heading as="h1" style={styles.heading}>
            {heading}
          </Heading>
          {children}
          {action ? (
            <Section style={{ margin: "24px 0" }}>
              <Button href={action.url} style={styles.button}>
                {action.label}
              </Button>
            </Section>
          ) : null}
          <Hr style={{ borderColor: "#e2e8f0", margin: "24px 0 16px" }} />
          <Text style={styles.footer}>{footer}</Text>
        </Container>
      </Body>
    </Html>
  );
}

export function P({ children }: { children: ReactNode }) {
  return <Text style={textStyle}>{children}</Text>;
}

/** Label/value rows: tables render consistently across mail clients, and html-to-text keeps them readable. */
export function Facts({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <table cellPadding={0} cellSpacing={0} role="presentation" style={{ borderCollapse: "collapse", margin: "8px 0 16px", width: "100%" }}>
      <tbody>
        {rows.map(([label, value]) => (
          <tr key={label}>
            <td style={{ color: "#64748b", fontSize: "13px", padding: "4px 16px 4px 0", verticalAlign: "top", whiteSpace: "nowrap" }}>{label}</td>
            <td style={{ color: "#0f172a", fontSize: "14px", padding: "4px 0" }}>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function formatDate(iso: string | Date): string {
  const date = typeof iso === "string" ? new Date(iso) : iso;
  return date.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}

export function formatDateTime(iso: string | Date): string {
  const date = typeof iso === "string" ? new Date(iso) : iso;
  return `${date.toLocaleString("en-GB", { day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC" })} UTC`;
}
