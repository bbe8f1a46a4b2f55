// Empty on purpose: without a file of its own here, Next takes Ladder's instrumentation.ts
// from the repository root (Turbopack's root, see next.config.js) into this app.
export function register() {}
