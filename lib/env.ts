import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { resolveDatabaseConfig } from "@/lib/database-config.mjs";

// The only reader of process.env. Validated once; a bad value stops the server with a
// message naming the variable instead of failing later in some request.
const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

function isMultikeyJson(value: string): boolean {
  try {
    const key = JSON.parse(value) as Record<string, unknown>;
    return typeof key.publicKeyMultibase === "string" && key.publicKeyMultibase.startsWith("z6Mk") && typeof key.secretKeyMultibase === "string";
  } catch {
    return false;
  }
}

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().trim().optional(),
  DATA_DIR: z.string().trim().min(1).default("data"),
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters").optional(),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
  NEXTAUTH_URL: z.url().optional(),
  REDIS_URL: z.string().trim().optional(),
  GITHUB_ID: z.string().trim().optional(),
  GITHUB_SECRET: z.string().trim().optional(),
  GOOGLE_CLIENT_ID: z.string().trim().optional(),
  GOOGLE_CLIENT_SECRET: z.string().trim().optional(),
  LOGIN_MAX_FAILURES_PER_EMAIL: positiveInt(10),
  LOGIN_MAX_FAILURES_PER_IP: positiveInt(50),
  LOGIN_WINDOW_MINUTES: positiveInt(15),
  REGISTER_MAX_PER_IP: positiveInt(50),
  REGISTER_WINDOW_MINUTES: positiveInt(60),
  SESSION_MAX_AGE_DAYS: z.coerce.number().positive().max(7).default(7),
  BENCH_ROUTES: z.enum(["true", "false", "1", "0"]).default("false").transform((v) => v === "true" || v === "1"),
  /** Ladder's credential signing key, JSON {publicKeyMultibase, secretKeyMultibase}; generated into DATA_DIR when unset. */
  LADDER_ISSUER_KEY: z
    .string()
    .trim()
    .refine(isMultikeyJson, 'LADDER_ISSUER_KEY must be JSON {"publicKeyMultibase","secretKeyMultibase"} (an Ed25519 Multikey)')
    .optional(),
  TRUST_PROXY: z.enum(["true", "false", "1", "0"]).default("false").transform((v) => v === "true" || v === "1"),
  // Read by scripts/server.mjs (request log, metrics, graceful shutdown); checked here with the rest.
  METRICS_TOKEN: z.string().min(16, "METRICS_TOKEN must be at least 16 characters").optional(),
  SHUTDOWN_TIMEOUT_SECONDS: positiveInt(20),
  // scripts/page-turns.mjs reads it with the same rule (DEFAULT_PAGE_RENDERS) before the app starts.
  PAGE_RENDER_CONCURRENCY: positiveInt(4),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: "SMTP_URL must be an smtp:// or smtps:// URL" }).optional(),
  MAIL_FROM: z.string().trim().min(3).default("Ladder <ladder@localhost>"),
  REMINDERS_INTERVAL_MINUTES: z.coerce.number().int().positive().optional(),
});

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

export function getEnv(): Env {
  if (!cached) {
    // Empty strings count as unset (as in .env and compose files). They are removed from
    // process.env too, so libraries that read it themselves (next-auth's NEXTAUTH_URL) agree.
    for (const [key, value] of Object.entries(process.env)) if (value === "") delete process.env[key];
    const raw = { ...process.env };
    const parsed = EnvSchema.safeParse(raw);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
      throw new Error(`Invalid environment: ${issues}`);
    }
    cached = parsed.data;
  }
  return cached;
}

/**
 * The whole configuration, checked before the server takes requests (instrumentation.ts).
 * Several instances on one PostgreSQL must sign sessions with one secret: a secret generated
 * per instance would sign people out whenever the load balancer switched instance.
 */
export function checkStartupConfig(): void {
  const env = getEnv();
  if (resolveDatabaseConfig(env.DATABASE_URL).provider === "postgresql" && !env.NEXTAUTH_SECRET && !env.AUTH_SECRET) {
    throw new Error(
      "NEXTAUTH_SECRET is required with PostgreSQL: every instance must sign sessions with the same secret. Set it to at least 32 random characters (e.g. `openssl rand -base64 48`).",
    );
  }
}

export function dataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), getEnv().DATA_DIR);
}

let secret: string | undefined;

/**
 * The next-auth signing secret. When none is configured, one is generated once and kept in
 * the git-ignored data directory, so a fresh clone starts with no setup and sessions survive
 * restarts. The file is created exclusively, so concurrent workers agree on one secret.
 */
export function getAuthSecret(): string {
  if (secret) return secret;
  const env = getEnv();
  const configured = env.NEXTAUTH_SECRET ?? env.AUTH_SECRET;
  if (configured) {
    secret = configured;
    return secret;
  }
  const file = path.join(dataDir(), "auth-secret");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    fs.writeFileSync(file, crypto.randomBytes(48).toString("base64url"), { flag: "wx", mode: 0o600 });
    console.info(`[ladder] No NEXTAUTH_SECRET set: generated a random secret and saved it to ${file}`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  secret = fs.readFileSync(file, "utf8").trim();
  if (secret.length < 32) throw new Error(`${file} holds a secret shorter than 32 characters`);
  return secret;
}
