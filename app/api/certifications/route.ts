import { requireUser } from "@/lib/auth/session";
import { createCustomCertification, listCustomCertifications } from "@/lib/certifications";
import { createCertificationSchema } from "@/lib/certifications/schemas";
import { json, readJson, route } from "@/lib/http";

export const dynamic = "force-dynamic";

export const GET = route(async (request) => {
  const user = await requireUser(request);
  return json({ certifications: await listCustomCertifications(user.id) });
});

export const POST = route(async (request) => {
  const user = await requireUser(request);
  const input = await readJson(request, createCertificationSchema);
  const certification = await createCustomCertification(user.id, input);
  return json({ certification }, { status: 201 });
});
