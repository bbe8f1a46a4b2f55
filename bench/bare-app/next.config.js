// The bench's baseline (scripts/bench.mjs): a bare Next.js app of the version Ladder runs,
// with no proxy, no auth and no database. It uses the repository's node_modules, so the
// repository is its root for Turbopack and output tracing (one root, no lockfile warning).
const path = require("node:path");

const repositoryRoot = path.join(__dirname, "..", "..");

module.exports = {
  turbopack: { root: repositoryRoot },
  outputFileTracingRoot: repositoryRoot,
  poweredByHeader: false,
};
