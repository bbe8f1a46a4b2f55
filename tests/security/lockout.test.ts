// Finding 4: ten wrong passwords for someone's email locked that person out for 15 minutes,
// renewable forever. A browser that signed in before (device cookie) now gets through.
import { describe, expect, it } from "vitest";
import { randomIp, registerUser, setCookies, signIn, strongPassword, uniqueEmail } from "../helpers/auth";

const DEVICE_COOKIE = "ladder.device";

async function personWithDevice() {
  const email = uniqueEmail();
  const password = strongPassword();
  expect((await registerUser({ email, password })).status).toBe(201);
  const first = await signIn(email, password);
  const device = setCookies(first.response).get(DEVICE_COOKIE);
  expect(device, "a device cookie is set at a successful sign-in").toBeTruthy();
  return { email, password, deviceCookie: `${DEVICE_COOKIE}=${device}` };
}

async function lockEmail(email: string) {
  for (let attempt = 1; attempt <= 10; attempt++) await signIn(email, strongPassword(), { ip: randomIp() });
  expect((await signIn(email, strongPassword(), { ip: randomIp() })).response.status).toBe(429);
}

describe("a stranger cannot lock a person out of their own browser", () => {
  it("the device cookie is httpOnly and SameSite=Lax", async () => {
    const email = uniqueEmail();
    const password = strongPassword();
    await registerUser({ email, password });
    const { response } = await signIn(email, password);
    const header = response.headers.getSetCookie().find((value) => value.startsWith(`${DEVICE_COOKIE}=`)) ?? "";
    expect(header).toMatch(/HttpOnly/i);
    expect(header).toMatch(/SameSite=Lax/i);
    expect(header).not.toContain(encodeURIComponent(email));
  });

  it("after ten wrong guesses from elsewhere, the person's own browser still signs in; a new browser waits", async () => {
    const { email, password, deviceCookie } = await personWithDevice();
    await lockEmail(email);
    expect((await signIn(email, password, { ip: randomIp() })).response.status).toBe(429);
    const own = await signIn(email, password, { ip: randomIp(), cookie: deviceCookie });
    expect(own.response.status).toBe(200);
    expect(own.cookie).not.toBeNull();
  });

  it("a device cookie for someone else, or a tampered one, does not get through", async () => {
    const victim = await personWithDevice();
    const attacker = await personWithDevice();
    await lockEmail(victim.email);
    expect((await signIn(victim.email, victim.password, { cookie: attacker.deviceCookie })).response.status).toBe(429);
    const tampered = `${victim.deviceCookie.slice(0, -2)}${victim.deviceCookie.endsWith("A") ? "BB" : "AA"}`;
    expect((await signIn(victim.email, victim.password, { cookie: tampered })).response.status).toBe(429);
  });

  it("the device has its own limit: ten wrong guesses from it lock that device", async () => {
    const { email, password, deviceCookie } = await personWithDevice();
    for (let attempt = 1; attempt <= 10; attempt++) {
      expect((await signIn(email, strongPassword(), { ip: randomIp(), cookie: deviceCookie })).response.status).toBe(401);
    }
    expect((await signIn(email, password, { ip: randomIp(), cookie: deviceCookie })).response.status).toBe(429);
    // Its guesses did not count against the email: another browser signs in.
    expect((await signIn(email, password, { ip: randomIp() })).response.status).toBe(200);
  });
});
