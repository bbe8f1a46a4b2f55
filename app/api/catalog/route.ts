import { CATALOG, catalogVersion } from "@/lib/catalog";
import { isNotModified, route } from "@/lib/http";

export const dynamic = "force-dynamic";

const ETAG = `"${catalogVersion}"`;
// The catalog changes only with a deploy: caches may keep it briefly, then must ask again,
// and the ETag turns that question into an empty 304.
const CACHE_CONTROL = "public, max-age=300, must-revalidate";

export const GET = route(async (request) => {
  const headers = { ETag: ETAG, "Cache-Control": CACHE_CONTROL };
  if (isNotModified(request, ETAG)) return new Response(null, { status: 304, headers });
  return Response.json(CATALOG, { headers });
});
