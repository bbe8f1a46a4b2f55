import { describe, expect, it } from "vitest";
import { isSameData } from "@/components/dashboard/same-data";

// The checklist items' memo() comparison: a change it misses would leave an item showing stale data.
describe("isSameData", () => {
  const item = { itemId: "build-a-network", status: "done", completedOn: null, verification: { issuer: "AWS", verifiedAt: "2026-01-02" } };

  it("treats copies with the same content as the same", () => {
    expect(isSameData({ item, notices: [{ tone: "info", text: "a" }] }, { item: structuredClone(item), notices: [{ tone: "info", text: "a" }] })).toBe(true);
  });

  it("sees a change anywhere, a missing or added key, and a different array length", () => {
    expect(isSameData(item, { ...item, status: "todo" })).toBe(false);
    expect(isSameData(item, { ...item, verification: { ...item.verification, verifiedAt: "2026-01-03" } })).toBe(false);
    expect(isSameData({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(isSameData({ a: undefined }, { b: undefined })).toBe(false);
    expect(isSameData([1, 2], [1, 2, 3])).toBe(false);
    expect(isSameData([1], { 0: 1 })).toBe(false);
    expect(isSameData(null, {})).toBe(false);
  });

  it("compares functions and class instances by identity", () => {
    const onChange = () => {};
    expect(isSameData({ onChange }, { onChange })).toBe(true);
    expect(isSameData({ onChange }, { onChange: () => {} })).toBe(false);
    expect(isSameData(new Map([[1, 2]]), new Map([[1, 2]]))).toBe(false);
  });
});
