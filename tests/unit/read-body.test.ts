import { describe, expect, it } from "vitest";
import { readBytesLimited } from "@/lib/http";

/** A POST whose body arrives in the given chunks, with the given Content-Length (if any). */
function chunkedRequest(chunks: Uint8Array[], contentLength?: number): Request {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
  const headers = contentLength === undefined ? {} : { "content-length": String(contentLength) };
  return new Request("http://localhost/api/import", { method: "POST", body, headers, duplex: "half" } as RequestInit);
}

function bytes(length: number, seed: number): Uint8Array {
  return Uint8Array.from({ length }, (_, i) => (i * 31 + seed) % 251);
}

describe("readBytesLimited", () => {
  const chunks = [bytes(70_000, 1), bytes(70_000, 2), bytes(5, 3)];
  const whole = Buffer.concat(chunks);

  it("returns the body's bytes whatever Content-Length says: right, missing or too small", async () => {
    for (const declared of [whole.length, undefined, 10, whole.length + 1000]) {
      const read = await readBytesLimited(chunkedRequest(chunks, declared), 1_000_000);
      expect(read.equals(whole), `Content-Length ${declared}`).toBe(true);
    }
  });

  it("stops at the limit, however the body is cut into chunks", async () => {
    const tooLarge = () => readBytesLimited(chunkedRequest(chunks, 10), whole.length - 1);
    await expect(tooLarge()).rejects.toMatchObject({ code: "payload_too_large" });
    expect((await readBytesLimited(chunkedRequest(chunks, 10), whole.length)).equals(whole)).toBe(true);
  });
});
