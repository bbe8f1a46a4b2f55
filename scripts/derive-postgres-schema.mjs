// Derives prisma/postgres/schema.prisma from the one schema source, prisma/schema.prisma.
// `node scripts/derive-postgres-schema.mjs` writes it; `--check` exits 1 when the committed
// file differs from what the source gives (run by the drift test).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const sourcePath = path.join(root, "prisma/schema.prisma");
const targetPath = path.join(root, "prisma/postgres/schema.prisma");

export function derivePostgresSchema(source) {
  const replacements = [
    ['provider = "sqlite"', 'provider = "postgresql"'],
    ['url      = "file:../data/ladder.db"', 'url      = "postgresql://localhost:5432/ladder"'],
    ['output       = "../lib/generated/sqlite"', 'output       = "../../lib/generated/postgres"'],
  ];
  let out = source;
  for (const [from, to] of replacements) {
    if (!out.includes(from)) throw new Error(`prisma/schema.prisma no longer contains: ${from}`);
    out = out.replace(from, to);
  }
  return `// GENERATED from prisma/schema.prisma by \`npm run db:schema\`. Do not edit.\n${out}`;
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const derived = derivePostgresSchema(fs.readFileSync(sourcePath, "utf8"));
  if (process.argv.includes("--check")) {
    const current = fs.existsSync(targetPath) ? fs.readFileSync(targetPath, "utf8") : "";
    if (current !== derived) {
      console.error("prisma/postgres/schema.prisma is out of date: run `npm run db:schema`.");
      process.exit(1);
    }
  } else {
    fs.mkdirSync(path.dirname(targetPath), { recursive: true });
    fs.writeFileSync(targetPath, derived);
  }
}
