import { AppError } from "@/lib/errors";
import { BADGE_IMAGE_MAX_BYTES, CREDENTIAL_BODY_MAX_BYTES, verifyCredentialSchema } from "@/lib/credentials/schemas";
import type { CredentialInput } from "@/lib/credentials/verify";
import { readJson } from "@/lib/http";

/**
 * The credential a request carries: JSON `{credential}` (an object, a compact JWT or an https
 * link), or a multipart upload with a badge image in the field "badge" (PNG or SVG, 1 MB).
 */
export async function readCredentialInput(request: Request): Promise<CredentialInput> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("multipart/form-data")) {
    const { credential } = await readJson(request, verifyCredentialSchema, CREDENTIAL_BODY_MAX_BYTES);
    return typeof credential === "string" ? { kind: "text", value: credential } : { kind: "json", value: credential };
  }
  const limit = BADGE_IMAGE_MAX_BYTES + 64 * 1024;
  if (Number(request.headers.get("content-length") ?? "0") > limit) throw tooLarge();
  const body = await readBytesLimited(request, limit);
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(body), { headers: { "content-type": type } }).formData();
  } catch {
    throw new AppError("invalid_input", "The upload cannot be read.", { field: "badge" });
  }
  const keys = [...new Set(form.keys())];
  const unknown = keys.filter((key) => key !== "badge");
  if (unknown.length > 0) throw new AppError("invalid_input", `Unknown field: ${unknown.join(", ")}.`, { field: unknown[0] });
  const file = form.get("badge");
  if (!(file instanceof Blob) || file.size === 0) throw new AppError("invalid_input", "badge: choose a PNG or SVG badge image.", { field: "badge" });
  if (file.size > BADGE_IMAGE_MAX_BYTES) throw tooLarge();
  return { kind: "image", bytes: Buffer.from(await file.arrayBuffer()) };
}

function tooLarge(): AppError {
  return new AppError("payload_too_large", "The badge image is larger than 1 MB.", { field: "badge" });
}

async function readBytesLimited(request: Request, maxBytes: number): Promise<Buffer> {
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
