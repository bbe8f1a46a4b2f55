// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Lets two builds of one tree coexist (e.g. `NEXT_DIST_DIR=.next-bench`); default `.next`.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  // Native modules and the Prisma runtime stay outside the server bundle.
  serverExternalPackages: ["better-sqlite3", "argon2", "pg", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "ioredis"],
  typedRoutes: false,
};

module.exports = nextConfig;
