import { AppError } from "@/lib/errors";
import { route } from "@/lib/http";

// Any /api path that no route claims: a JSON 404 in the API's error shape, never the HTML
// not-found page. More specific routes always win over this catch-all.
export const dynamic = "force-dynamic";

const notFound = route(async () => {
  throw new AppError("not_found", "There is no such API endpoint.");
});

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
export const HEAD = notFound;
export const OPTIONS = notFound;
