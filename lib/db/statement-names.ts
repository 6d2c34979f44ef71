import { createHash } from "node:crypto";

/**
 * Names for PostgreSQL prepared statements, so each pooled connection parses and plans a statement
 * once and then only binds and executes it (after five runs PostgreSQL may switch to a generic plan
 * and skip planning entirely). The client API's statements are small and run thousands of times a
 * second, so parse + plan was a large share of their database time.
 *
 * Names are a digest of the SQL text. Every distinct text stays prepared on every connection for the
 * connection's life, so only the first MAX_NAMED distinct texts get a name; anything beyond (rare,
 * e.g. IN lists of many lengths) runs unnamed, as without this. Off with DATABASE_STATEMENT_CACHE=off,
 * for poolers that don't support prepared statements in transaction mode.
 */
const MAX_NAMED = 2_000;

export function statementNamer(): ((query: { sql: string }) => string) | undefined {
  if (process.env.DATABASE_STATEMENT_CACHE === "off") return undefined;
  const names = new Map<string, string>();
  return ({ sql }) => {
    let name = names.get(sql);
    if (name === undefined && names.size < MAX_NAMED) {
      name = `sw_${createHash("sha1").update(sql).digest("base64url")}`;
      names.set(sql, name);
    }
    return name ?? ""; // "" is node-postgres's unnamed statement
  };
}
