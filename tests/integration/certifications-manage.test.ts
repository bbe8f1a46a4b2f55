import { describe, expect, it } from "vitest";
import { DELETE as deleteCertification, PATCH as patchCertification } from "@/app/api/certifications/[id]/route";
import { GET as getCertifications, POST as postCertification } from "@/app/api/certifications/route";
import { GET as getHistory } from "@/app/api/history/route";
import { PUT as putProgress } from "@/app/api/progress/[itemId]/route";
import { GET as getProgress } from "@/app/api/progress/route";
import { getDb } from "@/lib/db";
import { authedRequest, createSignedInUser } from "../helpers/auth";

const send = (method: string, path: string, cookie: string, body?: unknown) =>
  authedRequest(path, { method, cookie, ...(body !== undefined ? { body: typeof body === "string" ? body : JSON.stringify(body) } : {}) });
const idParams = (id: string) => ({ params: Promise.resolve({ id }) });

async function addCertification(cookie: string, title = "Databricks ML Associate") {
  const response = await postCertification(send("POST", "/api/certifications", cookie, { title, issuer: "Databricks" }), {});
  expect(response.status).toBe(201);
  return ((await response.json()) as { certification: { id: string } }).certification.id;
}

describe("own certifications: rename and remove", () => {
  it("renames a certification: the checklist shows the new title", async () => {
    const { cookie } = await createSignedInUser();
    const id = await addCertification(cookie);
    const response = await patchCertification(send("PATCH", `/api/certifications/${id}`, cookie, { title: "  Databricks ML Professional " }), idParams(id));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ certification: { id, title: "Databricks ML Professional", issuer: "Databricks" } });
    const list = (await (await getCertifications(send("GET", "/api/certifications", cookie), {})).json()) as { certifications: { title: string }[] };
    expect(list.certifications.map((c) => c.title)).toEqual(["Databricks ML Professional"]);
  });

  it("refuses an empty title, unknown fields and an empty body with 400, changing nothing", async () => {
    const { cookie } = await createSignedInUser();
    const id = await addCertification(cookie);
    for (const body of [{ title: "   " }, { title: "X", owner: "me" }, {}, "not json"]) {
      const response = await patchCertification(send("PATCH", `/api/certifications/${id}`, cookie, body), idParams(id));
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe("invalid_input");
    }
    const row = await getDb().customCertification.findUniqueOrThrow({ where: { id } });
    expect(row.title).toBe("Databricks ML Associate");
  });

  it("removes a certification and its checklist row; history still names it", async () => {
    const { cookie } = await createSignedInUser();
    const id = await addCertification(cookie, "Kaggle Grandmaster Badge");
    const done = await putProgress(send("PUT", `/api/progress/${id}`, cookie, { status: "done", completedOn: "2026-01-10" }), { params: Promise.resolve({ itemId: id }) });
    expect(done.status).toBe(200);

    const removed = await deleteCertification(send("DELETE", `/api/certifications/${id}`, cookie), idParams(id));
    expect(removed.status).toBe(204);

    const progress = (await (await getProgress(send("GET", "/api/progress", cookie), {})).json()) as { items: { itemId: string }[] };
    expect(progress.items.some((item) => item.itemId === id)).toBe(false);
    const history = (await (await getHistory(send("GET", "/api/history", cookie), {})).json()) as {
      events: { itemId: string; itemTitle: string; fromStatus: string | null; toStatus: string }[];
    };
    const events = history.events.filter((event) => event.itemId === id);
    expect(events).toHaveLength(2);
    expect(events.every((event) => event.itemTitle === "Kaggle Grandmaster Badge")).toBe(true);
    expect(events[0]).toMatchObject({ fromStatus: "done", toStatus: "todo" });

    const again = await deleteCertification(send("DELETE", `/api/certifications/${id}`, cookie), idParams(id));
    expect(again.status).toBe(404);
  });

  it("answers 404 for an id that is not one's own certification", async () => {
    const owner = await createSignedInUser();
    const other = await createSignedInUser();
    const id = await addCertification(owner.cookie);
    const rename = await patchCertification(send("PATCH", `/api/certifications/${id}`, other.cookie, { title: "Mine now" }), idParams(id));
    expect(rename.status).toBe(404);
    const remove = await deleteCertification(send("DELETE", `/api/certifications/${id}`, other.cookie), idParams(id));
    expect(remove.status).toBe(404);
    const catalogItem = await deleteCertification(send("DELETE", "/api/certifications/aws-certified-machine-learning", owner.cookie), idParams("aws-certified-machine-learning"));
    expect(catalogItem.status).toBe(404);
    expect(await getDb().customCertification.count({ where: { id } })).toBe(1);
  });
});
