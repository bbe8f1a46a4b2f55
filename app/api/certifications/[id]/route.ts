import { requireUser } from "@/lib/auth/session";
import { removeCustomCertification, updateCustomCertification } from "@/lib/certifications";
import { updateCertificationSchema } from "@/lib/certifications/schemas";
import { json, readJson, route } from "@/lib/http";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export const PATCH = route<Context>(async (request, { params }) => {
  const user = await requireUser(request);
  const { id } = await params;
  const input = await readJson(request, updateCertificationSchema);
  return json({ certification: await updateCustomCertification(user.id, id, input) });
});

export const DELETE = route<Context>(async (request, { params }) => {
  const user = await requireUser(request);
  const { id } = await params;
  await removeCustomCertification(user.id, id);
  return new Response(null, { status: 204 });
});
