import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(import.meta.dirname),
  // `server-only` throws outside React Server Components; tests import server modules directly.
  "server-only": path.resolve(import.meta.dirname, "tests/setup/server-only.ts"),
};

// Under CI each run also writes a JSON report that .ci/run sums into one closing line.
const reportFile = path.resolve(
  import.meta.dirname,
  "tests/.output/reports",
  `vitest-${process.env.TEST_DATABASE_URL ? "postgresql" : "sqlite"}-${process.pid}.json`,
);

export default defineConfig({
  resolve: { alias },
  test: {
    ...(process.env.CI ? { reporters: ["default", "json"], outputFile: { json: reportFile } } : {}),
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          environment: "node",
          setupFiles: ["tests/setup/fail-on-console-error.ts"],
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          // tests/security: one regression test per finding of the outside probe (docs/security.md).
          include: ["tests/integration/**/*.test.ts", "tests/security/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/setup/integration-global.ts"],
          setupFiles: ["tests/setup/integration-worker.ts", "tests/setup/fail-on-console-error.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        // `npm run test:cluster`: real instances behind nginx on a private PostgreSQL and Redis
        // (tests/cluster/services.ts). One file at a time: they share those servers.
        resolve: { alias },
        test: {
          name: "cluster",
          include: ["tests/cluster/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/cluster/services.ts"],
          pool: "forks",
          fileParallelism: false,
          testTimeout: 240_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
