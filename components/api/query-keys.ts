// The react-query keys of the app, in one place, so every component names a cache entry the same way.
export const queryKeys = {
  progress: ["progress"] as const,
  ladder: ["ladder"] as const,
  certifications: ["certifications"] as const,
  plan: ["plan"] as const,
};

/** Every checklist write shares this key, so "is another one still running?" can be asked. */
export const PROGRESS_MUTATION_KEY = ["progress", "set"] as const;
