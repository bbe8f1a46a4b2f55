import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/auth/register/route";
import { getDb } from "@/lib/db";
import { authedRequest, randomIp, registerUser, strongPassword, uniqueEmail } from "../helpers/auth";

async function post(body: string, headers: Record<string, string> = {}): Promise<Response> {
  return POST(authedRequest("/api/auth/register", { method: "POST", ip: randomIp(), body, headers }), {});
}

async function errorOf(response: Response) {
  return ((await response.json()) as { error: { code: string; message: string; field?: string } }).error;
}

describe("POST /api/auth/register", () => {
  it("creates the account: 201 with id, email and name, password stored as an Argon2id hash", async () => {
    const email = uniqueEmail();
    const password = strongPassword();
    const response = await registerUser({ email, password, name: "  Ada Lovelace " });
    expect(response.status).toBe(201);
    const { user } = (await response.json()) as { user: { id: string; email: string; name: string } };
    expect(user).toEqual({ id: expect.any(String), email, name: "Ada Lovelace" });
    const row = await getDb().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    expect(row.passwordHash).not.toContain(password);
  });

  it("stores the email lower-cased, and a second sign-up differing only in case gets 409", async () => {
    const email = uniqueEmail("Case");
    expect((await registerUser({ email: email.toUpperCase(), password: strongPassword() })).status).toBe(201);
    expect(await getDb().user.count({ where: { email: email.toLowerCase() } })).toBe(1);
    const again = await registerUser({ email: ` ${email.toLowerCase()} `, password: strongPassword() });
    expect(again.status).toBe(409);
    expect(await errorOf(again)).toMatchObject({ code: "conflict", field: "email" });
    expect(await getDb().user.count({ where: { email: email.toLowerCase() } })).toBe(1);
  });

  it("gives 409 to exactly one of two simultaneous sign-ups for one address", async () => {
    const email = uniqueEmail();
    const statuses = await Promise.all([registerUser({ email, password: strongPassword() }), registerUser({ email, password: strongPassword() })]);
    expect(statuses.map((response) => response.status).sort()).toEqual([201, 409]);
  });

  it.each([
    ["an unknown field", { email: "x@example.com", password: "Granite kettle mosaic 42", isAdmin: true }, "isAdmin"],
    ["a bad email", { email: "not-an-email", password: "Granite kettle mosaic 42" }, "email"],
    ["a missing email", { password: "Granite kettle mosaic 42" }, "email"],
    ["a short password", { email: "x@example.com", password: "Short1!" }, "password"],
    ["a password of 11 characters", { email: "x@example.com", password: "kzq8vwpx4mr" }, "password"],
    ["a common password", { email: "x@example.com", password: "password12345" }, "password"],
    ["a keyboard pattern", { email: "x@example.com", password: "qwertyuiop123" }, "password"],
    ["a password made of the email", { email: "marguerite.yourcenar@example.com", password: "marguerite.yourcenar" }, "password"],
    ["a password over 256 characters", { email: "x@example.com", password: "a1!".repeat(90) }, "password"],
    ["a name that is not text", { email: "x@example.com", password: "Granite kettle mosaic 42", name: 7 }, "name"],
  ])("answers 400 naming the field for %s, and creates nothing", async (_label, body, field) => {
    const before = await getDb().user.count();
    const response = await post(JSON.stringify(body));
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.code).toBe("invalid_input");
    expect(error.field).toBe(field);
    expect(error.message).toContain(field);
    expect(await getDb().user.count()).toBe(before);
  });

  it("answers 400 for malformed JSON and for a body that is not an object", async () => {
    for (const body of ["{not json", "", "[]", "null", '"text"']) {
      const response = await post(body);
      expect(response.status, body).toBe(400);
      expect((await errorOf(response)).code).toBe("invalid_input");
    }
  });

  it("accepts any Unicode and 64 characters and more", async () => {
    for (const password of ["Ünïcödé 🔑 ladder jacaranda", `${"Zebra lantern quartz ".repeat(4)}end`.slice(0, 80)]) {
      expect((await registerUser({ email: uniqueEmail(), password })).status).toBe(201);
    }
  });

  it("refuses a cross-site request with 403", async () => {
    const request = new Request("http://localhost:3000/api/auth/register", {
      method: "POST",
      headers: { origin: "https://evil.example", "content-type": "application/json" },
      body: JSON.stringify({ email: uniqueEmail(), password: strongPassword() }),
    });
    const response = await POST(request, {});
    expect(response.status).toBe(403);
  });
});
