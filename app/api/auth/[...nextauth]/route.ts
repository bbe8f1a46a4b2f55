import { handleAuthRoute } from "./next-auth-handler";
import { route } from "@/lib/http";

// next-auth (csrf, providers, session, credentials and OAuth callbacks, sign-out), behind our
// throttling, same-origin check and error shape: see next-auth-handler.ts beside this file.
export const dynamic = "force-dynamic";

export const GET = route(handleAuthRoute);
export const POST = route(handleAuthRoute);
