import { handleAuthRoute } from "@/lib/auth/next-auth-handler";
import { route } from "@/lib/http";

// next-auth (csrf, providers, session, credentials and OAuth callbacks, sign-out), behind our
// throttling, same-origin check and error shape: see lib/auth/next-auth-handler.ts.
export const dynamic = "force-dynamic";

export const GET = route(handleAuthRoute);
export const POST = route(handleAuthRoute);
