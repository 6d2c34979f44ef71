import { ensureBuilt } from "../cli/build";

/**
 * Builds the app (when sources changed) for tests that start `next start`. Vitest runs with
 * NODE_ENV=test, and the build must be a normal production build, so it is hidden for the build.
 */
export function ensureProductionBuild(): void {
  const saved = process.env.NODE_ENV;
  delete (process.env as Record<string, string | undefined>).NODE_ENV;
  try {
    ensureBuilt(() => undefined);
  } finally {
    (process.env as Record<string, string | undefined>).NODE_ENV = saved;
  }
}
