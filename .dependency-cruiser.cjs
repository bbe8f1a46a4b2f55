// Import boundaries, checked by `npm run lint` (docs/decisions/new-import-boundaries.md).
// Arrows point down: app/ -> components/ -> lib/; lib/<domain> -> lib/ pure modules and lib/db.
const fs = require("node:fs");
const path = require("node:path");

/** Files that start with the "use client" directive: they are bundled for the browser. */
function clientFiles(root) {
  const found = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(rel);
      else if (/\.tsx?$/.test(entry.name) && /^\s*["']use client["']/.test(fs.readFileSync(path.join(root, rel), "utf8"))) found.push(rel);
    }
  };
  for (const dir of ["app", "components", "lib"]) if (fs.existsSync(path.join(root, dir))) walk(dir);
  return found;
}

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const CLIENT = ["^components/", ...clientFiles(__dirname).map((file) => `^${escapeRegExp(file)}$`)];
// Server-only: the database module, every module that imports "server-only", and everything
// that reaches either of them.
const SERVER_ONLY = ["^lib/db\\.ts$", "(^|/)node_modules/server-only/"];

module.exports = {
  forbidden: [
    {
      name: "lib-imports-app-or-components",
      comment: "lib/ is the layer below the pages and the UI: it must not import app/ or components/.",
      severity: "error",
      from: { path: "^lib/" },
      to: { path: "^(app|components)/" },
    },
    {
      name: "client-imports-server-only",
      comment: "A client component (components/**, or a 'use client' file) must not reach lib/db or a module that imports \"server-only\".",
      severity: "error",
      from: { path: CLIENT },
      to: { path: SERVER_ONLY, reachable: true },
    },
    {
      name: "domain-imports-http",
      comment: "lib/<domain> must not import the HTTP layer (lib/http.ts): throw AppError, map it at the edge.",
      severity: "error",
      from: { path: "^lib/[^/]+/" },
      to: { path: "^lib/http\\.ts$" },
    },
    {
      name: "lib-folder-cycle",
      comment: "No cycle between folders of lib/: one folder depends on another, never both ways.",
      severity: "error",
      scope: "folder",
      from: { path: "^lib/" },
      to: { path: "^lib/", circular: true },
    },
    {
      name: "lib-module-cycle",
      comment: "No import cycle between modules of lib/.",
      severity: "error",
      from: { path: "^lib/" },
      to: { path: "^lib/", circular: true },
    },
  ],
  options: {
    doNotFollow: { path: ["node_modules", "^lib/generated/"] },
    exclude: { path: ["^lib/generated/", "^\\.next/", "^node_modules/"] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".mjs", ".js", ".d.mts", ".d.ts"],
    },
    metrics: true,
  },
};
