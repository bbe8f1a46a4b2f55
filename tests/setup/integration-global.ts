import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { createPostgresDatabase, dropPostgresDatabase, migrate, OUTPUT_DIR } from "./database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    provider: "sqlite" | "postgresql";
  }
}

export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL?.trim();
  if (serverUrl) {
    const databaseUrl = await createPostgresDatabase(serverUrl);
    await migrate(databaseUrl);
    project.provide("databaseUrl", databaseUrl);
    project.provide("provider", "postgresql");
    console.info(`[tests] integration suite on PostgreSQL (${new URL(databaseUrl).pathname.slice(1)})`);
    return async () => dropPostgresDatabase(serverUrl, databaseUrl);
  }
  const dir = path.join(OUTPUT_DIR, `sqlite-${process.pid}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const template = path.join(dir, "template.db");
  await migrate(`file:${template}`);
  project.provide("databaseUrl", `file:${template}`);
  project.provide("provider", "sqlite");
  console.info("[tests] integration suite on SQLite");
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
