import "server-only";
import { PrismaAdapter } from "@auth/prisma-adapter";
import type { AuthOptions } from "next-auth";
import type { Adapter, AdapterAccount, AdapterUser } from "next-auth/adapters";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import { verifyCredentials } from "@/lib/auth/credentials";
import { revokeLoginSession, startLoginSession } from "@/lib/auth/login-sessions";
import { sessionCookieName, sessionCookieOptions } from "@/lib/auth/session-cookie";
import { sessionMaxAgeSeconds, toSessionClaims } from "@/lib/auth/session-token";
import { getDb } from "@/lib/db";
import { type Env, getAuthSecret, getEnv } from "@/lib/env";

// next-auth 4 configuration. Sessions are JWTs (credentials sign-in requires them), and each
// JWT names a LoginSession row so that it can be revoked (lib/auth/login-sessions.ts).

export type OAuthProviderInfo = { id: "github" | "google"; name: string };

/** The OAuth providers switched on by their environment variables (both id and secret set). */
export function configuredOAuthProviders(env: Env = getEnv()): OAuthProviderInfo[] {
  const providers: OAuthProviderInfo[] = [];
  if (env.GITHUB_ID && env.GITHUB_SECRET) providers.push({ id: "github", name: "GitHub" });
  if (env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET) providers.push({ id: "google", name: "Google" });
  return providers;
}

function oauthProviders(env: Env): AuthOptions["providers"] {
  return configuredOAuthProviders(env).map((provider) =>
    provider.id === "github"
      ? GitHubProvider({ clientId: env.GITHUB_ID as string, clientSecret: env.GITHUB_SECRET as string })
      : GoogleProvider({ clientId: env.GOOGLE_CLIENT_ID as string, clientSecret: env.GOOGLE_CLIENT_SECRET as string }),
  );
}

const ACCOUNT_FIELDS = [
  "userId",
  "type",
  "provider",
  "providerAccountId",
  "refresh_token",
  "access_token",
  "expires_at",
  "token_type",
  "scope",
  "id_token",
  "session_state",
] as const;

/**
 * @auth/prisma-adapter, with emails stored lower-cased like every other address here, and
 * only the Account columns we have (GitHub Apps send extra token fields).
 */
function ladderAdapter(): Adapter {
  // Typed against @auth/core and @prisma/client; at run time it is the next-auth 4 adapter
  // contract over our generated client, which has the same models.
  type Loose = Record<string, (...args: unknown[]) => Promise<unknown>>;
  const base = PrismaAdapter(getDb() as never) as unknown as Loose;
  const call = <T>(name: string, ...args: unknown[]) => (base[name] as Loose[string])(...args) as Promise<T>;
  return {
    ...(base as unknown as Adapter),
    createUser: (user: Omit<AdapterUser, "id">) => call<AdapterUser>("createUser", { ...user, email: user.email.toLowerCase() }),
    getUserByEmail: (email: string) => call<AdapterUser | null>("getUserByEmail", email.toLowerCase()),
    linkAccount: (account: AdapterAccount) => {
      const known = Object.fromEntries(ACCOUNT_FIELDS.filter((field) => account[field] !== undefined).map((field) => [field, account[field]]));
      return call<AdapterAccount>("linkAccount", known);
    },
  };
}

const warned = new Set<string>();

/**
 * next-auth options for one request. `isSecure` (the request came over https) decides the
 * cookies' Secure flag and __Secure-/__Host- names.
 */
export function getAuthOptions(isSecure: boolean): AuthOptions {
  const env = getEnv();
  const maxAge = sessionMaxAgeSeconds();
  const oauth = oauthProviders(env);
  return {
    secret: getAuthSecret(),
    session: { strategy: "jwt", maxAge },
    jwt: { maxAge },
    useSecureCookies: isSecure,
    cookies: {
      sessionToken: { name: sessionCookieName(isSecure), options: sessionCookieOptions(isSecure) },
    },
    // The adapter links GitHub and Google accounts to users; credentials sign-in does not use it.
    ...(oauth.length > 0 ? { adapter: ladderAdapter() } : {}),
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, request) {
          const user = await verifyCredentials(credentials?.email, credentials?.password);
          if (!user) return null;
          const userAgent = request.headers?.["user-agent"];
          return { ...user, userAgent: typeof userAgent === "string" ? userAgent : null };
        },
      }),
      ...oauth,
    ],
    pages: { signIn: "/signin", signOut: "/signin", error: "/signin" },
    callbacks: {
      async jwt({ token, user, trigger }) {
        // Called with `user` exactly once, at sign-in (credentials or OAuth): open the session row.
        if (trigger === "signIn" && user) {
          const userAgent = "userAgent" in user && typeof user.userAgent === "string" ? user.userAgent : null;
          const { claims } = await startLoginSession(user.id, userAgent);
          return claims;
        }
        return token;
      },
    },
    events: {
      async signOut({ token }) {
        const claims = toSessionClaims(token);
        if (claims) await revokeLoginSession(claims.sub, claims.sid);
      },
    },
    logger: {
      error(code, metadata) {
        console.error(`[next-auth] ${code}`, metadata);
      },
      warn(code) {
        if (warned.has(code)) return;
        warned.add(code);
        console.warn(`[next-auth] ${code}`);
      },
      debug() {},
    },
  };
}
