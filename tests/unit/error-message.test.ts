// What the UI says for a failed call: the API's own sentence, and for a 429 without one, the
// wait from Retry-After in seconds or minutes (an import's 5-second wait is not "1 minute").
import { describe, expect, it } from "vitest";
import { ApiError, errorMessage } from "@/components/api/fetch-json";

describe("errorMessage", () => {
  it("keeps the API's sentence for a 429 that has one", () => {
    const busy = new ApiError(429, "rate_limited", "Another import is running. Please try again in a few seconds.", undefined, 5);
    expect(errorMessage(busy)).toBe("Another import is running. Please try again in a few seconds.");
    const comments = new ApiError(429, "rate_limited", "You have left 20 comments for this person today. Try again tomorrow.", undefined, 3600);
    expect(errorMessage(comments)).toBe("You have left 20 comments for this person today. Try again tomorrow.");
  });

  it("says the wait from Retry-After when the answer had no sentence of its own", () => {
    expect(errorMessage(new ApiError(429, "error", "Something went wrong. Please try again.", undefined, 5))).toBe("Too many requests. Try again in 5 seconds.");
    expect(errorMessage(new ApiError(429, "error", "Something went wrong. Please try again.", undefined, 1))).toBe("Too many requests. Try again in 1 second.");
    expect(errorMessage(new ApiError(429, "error", "Something went wrong. Please try again.", undefined, 61))).toBe("Too many requests. Try again in 2 minutes.");
    expect(errorMessage(new ApiError(429, "error", "Something went wrong. Please try again."))).toBe("Too many requests. Please try again later.");
  });

  it("shows other errors as the API worded them, and anything else as a generic sentence", () => {
    expect(errorMessage(new ApiError(400, "validation_failed", "Enter a date like 2026-01-31.", "targetOn"))).toBe("Enter a date like 2026-01-31.");
    expect(errorMessage(new TypeError("Failed to fetch"))).toBe("Something went wrong. Please try again.");
  });
});
