import type { TestProject } from "vitest/node";
import { dropTemplates, prepareTemplates } from "./test-database";

declare module "vitest" {
  export interface ProvidedContext {
    testDatabaseEnv: Record<string, string>;
  }
}

export default async function setup(project: TestProject) {
  const kind = String(project.config.env?.TEST_DB_KIND ?? "pglite");
  project.provide("testDatabaseEnv", await prepareTemplates(kind));
  return () => dropTemplates(kind);
}
