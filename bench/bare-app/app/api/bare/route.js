// The same small JSON answer as Ladder's in-app baseline (app/api/bench/bare), per request.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ ok: true });
}
