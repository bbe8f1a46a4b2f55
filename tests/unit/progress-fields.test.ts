import { describe, expect, it } from "vitest";
import { diffProgressFields, isExpiryBeforeCompletion, mergeProgressUpdate, noteOrNone, untouchedItem } from "@/lib/progress/fields";

// One module for the fields of a progress row: the server's write and the dashboard's
// optimistic cache merge an update with the same function, so they cannot disagree.
describe("progress fields", () => {
  const stored = { ...untouchedItem("aws-ml-specialty"), status: "done" as const, completedOn: "2024-01-10", expiresOn: "2027-01-10", note: "First try", targetOn: "2027-06-01" };

  it("keeps omitted fields, clears null ones, stores a blank note as none", () => {
    expect(mergeProgressUpdate(stored, { status: "in_progress" })).toEqual({
      status: "in_progress",
      completedOn: "2024-01-10",
      expiresOn: "2027-01-10",
      note: "First try",
      evidenceUrl: null,
      targetOn: "2027-06-01",
    });
    expect(mergeProgressUpdate(stored, { status: "done", expiresOn: null, note: "   " })).toMatchObject({ expiresOn: null, note: null });
    expect(noteOrNone(" \n ")).toBeNull();
    expect(noteOrNone(" kept as typed ")).toBe(" kept as typed ");
  });

  it("lists what changed, and nothing for an update that changes nothing", () => {
    expect(diffProgressFields(stored, mergeProgressUpdate(stored, { status: "done" }))).toBeNull();
    expect(diffProgressFields(stored, mergeProgressUpdate(stored, { status: "skipped", note: null, targetOn: null }))).toEqual({
      status: ["done", "skipped"],
      note: ["First try", null],
      targetOn: ["2027-06-01", null],
    });
  });

  it("refuses an expiry before the completion date only when both are set", () => {
    expect(isExpiryBeforeCompletion({ completedOn: "2024-03-01", expiresOn: "2024-02-29" })).toBe(true);
    expect(isExpiryBeforeCompletion({ completedOn: "2024-03-01", expiresOn: "2024-03-01" })).toBe(false);
    expect(isExpiryBeforeCompletion({ completedOn: null, expiresOn: "2020-01-01" })).toBe(false);
  });
});
