import { describe, expect, it } from "vitest";
import { GET as getHistory } from "@/app/api/history/route";
import { GET as getExport } from "@/app/api/export/route";
import { PUT as putProgress } from "@/app/api/progress/[itemId]/route";
import { authedRequest, createSignedInUser } from "../helpers/auth";

const put = (cookie: string, itemId: string, body: unknown) =>
  putProgress(authedRequest(`/api/progress/${itemId}`, { method: "PUT", cookie, body: JSON.stringify(body) }), { params: Promise.resolve({ itemId }) });

type Event = { itemId: string; itemTitle: string; changes: Record<string, unknown> };

describe("history records rung changes as events of their own", () => {
  it("reaching the first rung and losing it again are two events; other writes add none", async () => {
    const { cookie } = await createSignedInUser();
    expect((await put(cookie, "bachelors-computer-science", { status: "done" })).status).toBe(200);
    expect((await put(cookie, "gain-practical-experience", { status: "done" })).status).toBe(200);
    expect((await put(cookie, "gain-practical-experience", { status: "done", note: "A note changes no rung." })).status).toBe(200);
    expect((await put(cookie, "bachelors-computer-science", { status: "todo" })).status).toBe(200);

    const history = (await (await getHistory(authedRequest("/api/history", { cookie }), {})).json()) as { events: Event[] };
    const rungEvents = history.events.filter((event) => event.itemId === "ladder-rung");
    expect(rungEvents.map((event) => event.changes)).toEqual([{ rung: ["junior-mle", null] }, { rung: [null, "junior-mle"] }]);
    expect(rungEvents.every((event) => event.itemTitle === "Your rung")).toBe(true);

    // An export leaves them out (they are not checklist items), so it imports again.
    const exported = (await (await getExport(authedRequest("/api/export", { cookie }), {})).json()) as { history: Event[] };
    expect(exported.history.some((event) => event.itemId === "ladder-rung")).toBe(false);
  });
});
