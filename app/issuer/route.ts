import { getIssuerProfile } from "@/lib/credentials/issuer";
import { json, route } from "@/lib/http";

export const dynamic = "force-dynamic";

/** Ladder's public issuer profile and key, for anyone checking a credential it issued. */
export const GET = route(async () => json(await getIssuerProfile(), { headers: { "Cache-Control": "public, max-age=300" } }));
