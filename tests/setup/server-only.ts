// Stand-in for the `server-only` marker package under Vitest (aliased in vitest.config.mts).
export {};
