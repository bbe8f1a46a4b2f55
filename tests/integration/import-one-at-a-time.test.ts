import { describe, expect, it } from "vitest";
import { GET as getExport } from "@/app/api/export/route";
import { POST as postImport } from "@/app/api/import/route";
import { PUT as putProgress } from "@/app/api/progress/[itemId]/route";
import { getDb } from "@/lib/db";
import { IMPORT_RETRY_AFTER_SECONDS } from "@/lib/data-transfer/import-slot";
import { authedRequest, createSignedInUser } from "../helpers/auth";

// One import at a time per instance (decision record 015): a second import while one runs
// gets 429 before its body is read, and the slot is free again once the first one ends.

/** A request body the test hands out in two parts, and knows when the server starts reading. */
function heldBody(text: string) {
  const bytes = new TextEncoder().encode(text);
  const half = Math.floor(bytes.length / 2);
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let onFirstRead!: () => void;
  const firstRead = new Promise<void>((resolve) => {
    onFirstRead = resolve;
  });
  let reads = 0;
  // highWaterMark 0: nothing is pulled until the server reads.
  const stream = new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c;
      },
      pull(c) {
        reads += 1;
        if (reads === 1) {
          c.enqueue(bytes.slice(0, half));
          onFirstRead();
        }
      },
    },
    { highWaterMark: 0 },
  );
  return {
    stream,
    firstRead,
    get reads() {
      return reads;
    },
    finish() {
      controller.enqueue(bytes.slice(half));
      controller.close();
    },
  };
}

function importRequest(cookie: string, body: BodyInit) {
  return authedRequest("/api/import", { method: "POST", cookie, body, headers: { "content-type": "application/json" }, duplex: "half" } as RequestInit & { cookie: string });
}

async function exportOf(cookie: string): Promise<string> {
  const response = await getExport(authedRequest("/api/export", { cookie }), {});
  expect(response.status).toBe(200);
  return response.text();
}

describe("POST /api/import: one at a time per instance", () => {
  it("refuses a second import with 429 rate_limited and Retry-After before reading its body, then takes the next one", async () => {
    const source = await createSignedInUser();
    const put = await putProgress(authedRequest("/api/progress/gain-practical-experience", { method: "PUT", cookie: source.cookie, body: JSON.stringify({ status: "done" }) }), {
      params: Promise.resolve({ itemId: "gain-practical-experience" }),
    });
    expect(put.status).toBe(200);
    const file = await exportOf(source.cookie);
    const first = await createSignedInUser();
    const second = await createSignedInUser();

    const firstBody = heldBody(file);
    const firstResponse = postImport(importRequest(first.cookie, firstBody.stream), {});
    // The first import holds the slot while its body is still arriving.
    await firstBody.firstRead;

    const secondBody = heldBody(file);
    const refused = await postImport(importRequest(second.cookie, secondBody.stream), {});
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe(String(IMPORT_RETRY_AFTER_SECONDS));
    expect(await refused.json()).toEqual({ error: { code: "rate_limited", message: expect.any(String) } });
    expect(secondBody.reads, "the refused import's body was never read").toBe(0);

    firstBody.finish();
    const accepted = await firstResponse;
    expect(accepted.status).toBe(200);
    expect((await accepted.json()).restored).toMatchObject({ progress: 1 });

    const db = getDb();
    expect(await db.progress.count({ where: { userId: second.user.id } }), "the refused import stored nothing").toBe(0);
    const retried = await postImport(importRequest(second.cookie, file), {});
    expect(retried.status).toBe(200);
    expect(await db.progress.count({ where: { userId: second.user.id, status: "done" } })).toBe(1);
  });

  it("frees the slot when an import fails", async () => {
    const person = await createSignedInUser();
    const file = await exportOf(person.cookie);
    const invalid = await postImport(importRequest(person.cookie, "{not json"), {});
    expect(invalid.status).toBe(400);
    const tooLarge = await postImport(importRequest(person.cookie, `"${"x".repeat(9 * 1024 * 1024)}"`), {});
    expect(tooLarge.status).toBe(413);
    const valid = await postImport(importRequest(person.cookie, file), {});
    expect(valid.status).toBe(200);
  });
});
