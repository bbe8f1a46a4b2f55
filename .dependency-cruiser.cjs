// Import boundaries, checked by `npm run lint` (docs/decisions/005-import-boundaries.md).
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

/** A forbidden arrow: every rule is an error, so `npm run lint` fails on it. */
const rule = (name, comment, from, to, extra = {}) => ({ name, comment, severity: "error", from, to, ...extra });

module.exports = {
  forbidden: [
    rule("lib-imports-app-or-components", "lib/ is the layer below the pages and the UI: it must not import app/ or components/.", { path: "^lib/" }, { path: "^(app|components)/" }),
    rule(
      "client-imports-server-only",
      'A client component (components/**, or a "use client" file) must not reach lib/db or a module that imports "server-only".',
      { path: CLIENT },
      { path: SERVER_ONLY, reachable: true },
    ),
    rule(
      "domain-imports-http",
      "lib/<domain> must not import the HTTP layer (lib/http.ts): throw AppError, map it at the edge.",
      { path: "^lib/[^/]+/" },
      { path: "^lib/http\\.ts$" },
    ),
    rule(
      "feature-imports-feature",
      "A feature folder of components/ uses its own files and the shared kit (components/ui, components/api), never another feature's internals.",
      { path: "^components/([^/]+)/" },
      { path: "^components/", pathNot: ["^components/$1/", "^components/(ui|api)/"] },
    ),
    rule("lib-folder-cycle", "No cycle between folders of lib/: one folder depends on another, never both ways.", { path: "^lib/" }, { path: "^lib/", circular: true }, { scope: "folder" }),
    rule("lib-module-cycle", "No import cycle between modules of lib/.", { path: "^lib/" }, { path: "^lib/", circular: true }),
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
