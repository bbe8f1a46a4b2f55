// Rendered per request, as Ladder's signed-in pages are.
export const dynamic = "force-dynamic";

export default function BarePage() {
  return (
    <main id="main">
      <h1>Bare page</h1>
    </main>
  );
}
