import { afterEach, beforeEach, vi } from "vitest";

// An unexpected console.error fails the test that caused it. A test that expects one
// spies on console.error itself (vi.spyOn replaces this spy for its duration).
let spy: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
  spy = vi.spyOn(console, "error");
});

afterEach(() => {
  const calls = spy.mock.calls;
  spy.mockRestore();
  if (calls.length > 0) {
    throw new Error(`Unexpected console.error: ${calls.map((c: unknown[]) => c.map(String).join(" ")).join("\n")}`);
  }
});
