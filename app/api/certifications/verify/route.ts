import { readCredentialInput } from "@/app/api/_lib/read-credential";
import { requireUser } from "@/lib/auth/session";
import { verifyAndRecordCertification } from "@/lib/credentials/record";
import { countCertificationVerification } from "@/lib/credentials/throttle";
import { json, route } from "@/lib/http";

export const dynamic = "force-dynamic";

export const POST = route(async (request) => {
  const user = await requireUser(request);
  await countCertificationVerification(user.id);
  const input = await readCredentialInput(request);
  const { item, certification, verification } = await verifyAndRecordCertification(user.id, input);
  return json({ item, certification, verification });
});
