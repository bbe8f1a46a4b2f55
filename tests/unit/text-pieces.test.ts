import { describe, expect, it } from "vitest";
import { textPieces } from "@/lib/data-transfer/text-pieces";

describe("textPieces", () => {
  it("cuts text into pieces of at most the given size that join back to it", () => {
    const text = "abcdefghij".repeat(7);
    const pieces = textPieces(text, 16);
    expect(pieces.join("")).toBe(text);
    expect(pieces.map((piece) => piece.length)).toEqual([16, 16, 16, 16, 6]);
    expect(textPieces("", 16)).toEqual([]);
  });

  it("never cuts a character made of two UTF-16 code units in half", () => {
    const text = `abc${"😀".repeat(5)}`;
    const pieces = textPieces(text, 4);
    expect(pieces.join("")).toBe(text);
    for (const piece of pieces) {
      expect(piece.length).toBeLessThanOrEqual(4);
      expect(piece.isWellFormed()).toBe(true);
    }
  });
});
