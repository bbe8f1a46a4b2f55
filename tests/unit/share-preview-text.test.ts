import { describe, expect, it } from "vitest";
import { previewText } from "@/lib/share/preview-text";

// The preview image's font draws Latin text only; anything else would make next/og fetch a
// font from the network and fail, so it is removed first.
describe("previewText", () => {
  it("removes emoji, joined emoji sequences, skin tones and keycaps", () => {
    expect(previewText("Ada 🚀 Lovelace 👩🏽‍💻 1️⃣ ❤️")).toBe("Ada Lovelace 1");
  });

  it("keeps Latin letters, accents, dollars and dashes; drops other scripts", () => {
    expect(previewText("José Müller – $84,563 艾达")).toBe("José Müller – $84,563");
  });

  it("shortens long text with an ellipsis", () => {
    const text = previewText("x".repeat(100), 10);
    expect(text).toHaveLength(10);
    expect(text.endsWith("…")).toBe(true);
  });
});
