/**
 * True when two values hold the same plain data: primitives by value, arrays and plain objects
 * member by member; anything else (functions, class instances) by identity.
 * It is memo()'s comparison for checklist items: the dashboard recomputes standings and
 * notices for the whole list on each change, and a new object with the same content must not
 * re-render an item. Every prop is compared, including ones added later (docs/decisions/017).
 */
export function isSameData(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((value, i) => isSameData(value, b[i]));
  }
  if (Object.getPrototypeOf(a) !== Object.prototype || Object.getPrototypeOf(b) !== Object.prototype) return false;
  const aRecord = a as Record<string, unknown>;
  const bRecord = b as Record<string, unknown>;
  const keys = Object.keys(aRecord);
  return keys.length === Object.keys(bRecord).length && keys.every((key) => key in bRecord && isSameData(aRecord[key], bRecord[key]));
}
