import { notFound } from "next/navigation";
import { getEnv } from "@/lib/env";

// The benchmark's baseline page: dynamic, no auth, no database (BENCH_ROUTES=1 only).
export const dynamic = "force-dynamic";

export default function BareBenchPage() {
  if (!getEnv().BENCH_ROUTES) notFound();
  return (
    <main id="main" className="p-4">
      <h1>Bare page</h1>
    </main>
  );
}
