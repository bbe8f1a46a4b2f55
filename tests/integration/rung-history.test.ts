import { describe, expect, it } from "vitest";
import { GET as getHistory } from "@/app/api/history/route";
import { GET as getExport } from "@/app/api/export/route";
import { POST as postCertification } from "@/app/api/certifications/route";
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

  it("a person's own certification moves the rung like a listed one, and its expiry takes the rung away", async () => {
    const { cookie } = await createSignedInUser();
    const created = await postCertification(authedRequest("/api/certifications", { method: "POST", cookie, body: JSON.stringify({ title: "Field Robotics Practitioner", issuer: "Guild of Robotics" }) }), {});
    expect(created.status).toBe(201);
    const { certification } = (await created.json()) as { certification: { id: string } };
    for (const itemId of ["bachelors-computer-science", "gain-practical-experience", "programming-languages", "machine-learning-algorithms", "data-modeling-and-evaluation", "software-engineering-skills"]) {
      expect((await put(cookie, itemId, { status: "done" })).status).toBe(200);
    }
    // The own certification is the only one: with it done, the MLE rung is reached.
    expect((await put(cookie, certification.id, { status: "done", completedOn: "2020-01-01" })).status).toBe(200);
    // An expiry in the past: it no longer counts, and the rung is lost.
    expect((await put(cookie, certification.id, { status: "done", expiresOn: "2021-01-01" })).status).toBe(200);

    const history = (await (await getHistory(authedRequest("/api/history", { cookie }), {})).json()) as { events: Event[] };
    const rungEvents = history.events.filter((event) => event.itemId === "ladder-rung").map((event) => event.changes);
    expect(rungEvents).toEqual([{ rung: ["mle", "junior-mle"] }, { rung: ["junior-mle", "mle"] }, { rung: [null, "junior-mle"] }]);
  });
});
