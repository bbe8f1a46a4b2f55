/**
 * A short deterministic content hash for ETags. Pure string arithmetic (no node:crypto) so the
 * same value is computed in the browser. Not for security: two 32-bit FNV-1a passes with
 * different offsets give 64 bits, plenty to tell catalog versions apart.
 */
export function hashString(input: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < input.length; i++) {
    const code = input.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 0x01000193);
    h2 = Math.imul(h2 ^ code, 0x01000193) ^ (h2 >>> 13);
  }
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, "0");
  return hex(h1) + hex(h2);
}
