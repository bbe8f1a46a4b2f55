import { requireUser } from "@/lib/auth/session";
import { issuePositionCredential } from "@/lib/credentials/position";
import { json, route } from "@/lib/http";

export const dynamic = "force-dynamic";

export const GET = route(async (request) => {
  const user = await requireUser(request);
  const { credential } = await issuePositionCredential(user.id, user.email);
  return json(credential, { headers: { "Content-Disposition": 'inline; filename="ladder-position.json"' } });
});
