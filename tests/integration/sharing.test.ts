import crypto from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { GET as imageGet } from "@/app/(marketing)/share/[token]/image/route";
import { getDb } from "@/lib/db";
import { settleBackgroundWork } from "@/lib/mail/background";
import { getSharedPlan } from "@/lib/share";
import { renderSharePreview } from "@/lib/share/preview-image";
import { authedRequest, createSignedInUser, randomIp } from "../helpers/auth";
import { dispatch, findApiRoutes } from "../helpers/routes";

// The opt-in public page: off by default, a link whose token is stored only as a hash,
// rotate and turn off with immediate effect, and nothing private on the page or its image.

const routes = findApiRoutes();
const today = new Date().toISOString().slice(0, 10);
const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47];

async function call(cookie: string, method: string, path: string, body?: unknown) {
  const response = await dispatch(routes, authedRequest(path, { method, cookie, ip: randomIp(), ...(body !== undefined ? { body: JSON.stringify(body) } : {}) }));
  const text = await response.text();
  return { status: response.status, text, json: text ? (JSON.parse(text) as Record<string, unknown>) : null, headers: response.headers };
}

async function personWithProgress(name: string) {
  const person = await createSignedInUser({ name });
  const put = (itemId: string, body: unknown) => call(person.cookie, "PUT", `/api/progress/${itemId}`, body);
  expect((await put("bachelors-computer-science", { status: "done", completedOn: "2019-06-28", note: "SECRET-NOTE-degree" })).status).toBe(200);
  expect((await put("build-a-network", { status: "in_progress", evidenceUrl: "https://evidence.example/secret-link" })).status).toBe(200);
  return person;
}

const tokenOf = (url: string) => url.split("/share/")[1] ?? "";

function imageRequest(token: string) {
  return imageGet(new Request(`http://localhost:3000/share/${token}/image`), { params: Promise.resolve({ token }) });
}

afterEach(() => vi.restoreAllMocks());

describe("share link", () => {
  it("is off by default, turns on with a 32-byte link whose token is stored only as its SHA-256", async () => {
    const person = await personWithProgress("Grace Hopper");
    const off = await call(person.cookie, "GET", "/api/share");
    expect(off.json).toEqual({ share: { isEnabled: false, showChecklist: false, createdAt: null } });

    const on = await call(person.cookie, "POST", "/api/share");
    expect(on.status).toBe(201);
    const url = on.json?.url as string;
    expect(url).toMatch(/^http:\/\/localhost:3000\/share\/[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(url);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    const row = await getDb().shareLink.findUniqueOrThrow({ where: { userId: person.user.id } });
    expect(row.tokenHash).toBe(crypto.createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(token);
    expect((await call(person.cookie, "GET", "/api/share")).json?.share).toMatchObject({ isEnabled: true, showChecklist: false });
  });

  it("shows name, rung, band, progress and what is next; statuses only when ticked; never notes, evidence or email", async () => {
    const person = await personWithProgress("Katherine Johnson");
    const token = tokenOf((await call(person.cookie, "POST", "/api/share")).json?.url as string);
    const plan = await getSharedPlan(token, today);
    expect(plan?.name).toBe("Katherine Johnson");
    expect(plan?.summary).toMatchObject({ done: 1, inProgress: 1 });
    expect(plan?.next?.title).toBeTruthy();
    expect(plan?.missing.length).toBeGreaterThan(0);
    expect(plan?.checklist).toBeNull();
    const forbidden = ["SECRET-NOTE", "evidence.example", person.user.email, "2019-06-28", person.user.id];
    for (const secret of forbidden) expect(JSON.stringify(plan)).not.toContain(secret);

    const ticked = await call(person.cookie, "PATCH", "/api/share", { showChecklist: true });
    expect(ticked.json?.share).toMatchObject({ isEnabled: true, showChecklist: true });
    const withChecklist = await getSharedPlan(token, today);
    const items = withChecklist?.checklist?.flatMap((section) => section.items) ?? [];
    expect(items.find((item) => item.title.includes("Build a Network"))?.status).toBe("in_progress");
    for (const secret of forbidden) expect(JSON.stringify(withChecklist)).not.toContain(secret);
  });

  it("rotating and turning off make the old link 404 at once, the preview image too", async () => {
    const person = await personWithProgress("Dorothy Vaughan");
    const first = tokenOf((await call(person.cookie, "POST", "/api/share")).json?.url as string);
    expect((await imageRequest(first)).status).toBe(200);
    const second = tokenOf((await call(person.cookie, "POST", "/api/share")).json?.url as string);
    expect(second).not.toBe(first);
    expect(await getSharedPlan(first, today)).toBeNull();
    expect((await imageRequest(first)).status).toBe(404);
    expect(await getSharedPlan(second, today)).not.toBeNull();

    const off = await call(person.cookie, "DELETE", "/api/share");
    expect(off.status).toBe(204);
    expect(await getSharedPlan(second, today)).toBeNull();
    expect((await imageRequest(second)).status).toBe(404);
    expect((await call(person.cookie, "GET", "/api/share")).json?.share).toMatchObject({ isEnabled: false });
  });

  it("refuses unknown fields and non-boolean values without a change", async () => {
    const person = await createSignedInUser();
    expect((await call(person.cookie, "POST", "/api/share", { showChecklist: true, public: true })).status).toBe(400);
    expect((await call(person.cookie, "POST", "/api/share", { showChecklist: "yes" })).status).toBe(400);
    expect(await getDb().shareLink.count({ where: { userId: person.user.id } })).toBe(0);
  });

  it("the preview image is a PNG rendered offline even with emoji and other scripts in the name, never logging the token", async () => {
    const person = await personWithProgress("Ada 🚀👩🏽‍💻 Lovelace 艾达");
    // The sign-up mail (and its log line) is done before listening.
    await settleBackgroundWork();
    const logged: string[] = [];
    for (const level of ["log", "info", "warn", "error"] as const) {
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
        logged.push(args.map(String).join(" "));
      });
    }
    const token = tokenOf((await call(person.cookie, "POST", "/api/share")).json?.url as string);
    const response = await imageRequest(token);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("x-robots-tag")).toContain("noindex");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 4)]).toEqual(PNG_MAGIC);
    expect(bytes.length).toBeGreaterThan(5000);
    // Rendered, not the fallback: nothing was logged at all.
    expect(logged).toEqual([]);
  });

  it("falls back to the static image when rendering fails, and says so without the token", async () => {
    const warnings: string[] = [];
    vi.spyOn(console, "warn").mockImplementation((...args: unknown[]) => {
      warnings.push(args.map(String).join(" "));
    });
    const person = await personWithProgress("Mary Jackson");
    const token = tokenOf((await call(person.cookie, "POST", "/api/share")).json?.url as string);
    const plan = await getSharedPlan(token, today);
    if (!plan) throw new Error("no plan");
    const bytes = await renderSharePreview(plan, "/nonexistent-font-dir");
    expect([...bytes.slice(0, 4)]).toEqual(PNG_MAGIC);
    expect(warnings.join("\n")).toContain("fell back");
    expect(warnings.join("\n")).not.toContain(token);
  });
});
