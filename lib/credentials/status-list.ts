import zlib from "node:zlib";
import { CredentialFailure } from "./failure";

// Bitstring Status List (W3C): a GZIP-compressed bitstring, multibase base64url ("u…"),
// where bit 0 is the most significant bit of the first byte. A set bit at the credential's
// index means its status purpose (revocation) applies.

export function decodeEncodedList(encodedList: string): Uint8Array {
  const text = encodedList.startsWith("u") ? encodedList.slice(1) : encodedList;
  try {
    return zlib.gunzipSync(Buffer.from(text, "base64url"), { maxOutputLength: 16 * 1024 * 1024 });
  } catch {
    throw new CredentialFailure("status_unavailable", "The status list is not a compressed bitstring.");
  }
}

export function encodeList(bits: Uint8Array): string {
  return `u${zlib.gzipSync(bits).toString("base64url")}`;
}

export function isBitSet(bits: Uint8Array, index: number): boolean {
  const byte = bits[Math.floor(index / 8)];
  if (byte === undefined) throw new CredentialFailure("status_unavailable", "The status index is outside the list.");
  return ((byte >> (7 - (index % 8))) & 1) === 1;
}

export type StatusEntry = { listUrl: string; index: number; purpose: string };

/** The revocation entries of a credential's credentialStatus (other purposes are not Ladder's concern). */
export function statusEntries(status: unknown): StatusEntry[] {
  const list = Array.isArray(status) ? status : status === undefined || status === null ? [] : [status];
  return list.map((entry) => {
    const value = (entry ?? {}) as Record<string, unknown>;
    const type = value.type;
    if (type !== "BitstringStatusListEntry" && type !== "StatusList2021Entry") {
      throw new CredentialFailure("status_unavailable", `Status type ${String(type).slice(0, 80)} is not supported.`);
    }
    const index = Number(value.statusListIndex);
    if (!Number.isSafeInteger(index) || index < 0 || typeof value.statusListCredential !== "string") {
      throw new CredentialFailure("status_unavailable", "The status entry has no valid index or list.");
    }
    return { listUrl: value.statusListCredential, index, purpose: String(value.statusPurpose ?? "revocation") };
  });
}
