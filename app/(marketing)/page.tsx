export default function HomePage() {
  return (
    <main id="main" className="mx-auto max-w-5xl px-4 py-12">
      <h1 className="text-3xl font-bold tracking-tight">Ladder</h1>
      <p className="mt-3 text-lg text-slate-700 dark:text-slate-300">
        Track your progress on the Machine Learning Engineer career path and see where you stand on the ladder.
      </p>
    </main>
  );
}
