import { getLadderIssuerKey, issuerDidDocument } from "@/lib/credentials/issuer";
import { AppError } from "@/lib/errors";
import { json, route } from "@/lib/http";

export const dynamic = "force-dynamic";

/** The did:web document of Ladder's issuer; only when it signs as did:web (NEXTAUTH_URL is https). */
export const GET = route(async () => {
  const key = await getLadderIssuerKey();
  if (!key.did.startsWith("did:web:")) throw new AppError("not_found", "Ladder signs as did:key here; see /issuer.");
  return json(issuerDidDocument(key), { headers: { "Cache-Control": "public, max-age=300", "Content-Type": "application/did+json" } });
});
