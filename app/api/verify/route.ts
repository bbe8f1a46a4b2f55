import { readCredentialInput } from "@/app/api/_lib/read-credential";
import { clientIp } from "@/lib/auth/request-info";
import { countPublicVerification } from "@/lib/credentials/throttle";
import { verifyCredential } from "@/lib/credentials/verify";
import { json, route } from "@/lib/http";

export const dynamic = "force-dynamic";

// Public: anyone may check any credential. No recipient check (the checker is not the holder).
export const POST = route(async (request) => {
  await countPublicVerification(clientIp(request.headers));
  const input = await readCredentialInput(request);
  const result = await verifyCredential(input);
  if (!result.valid) return json({ valid: false, reasons: result.failures.map((f) => f.message), failures: result.failures });
  return json({ valid: true, reasons: [], credential: result.credential });
});
