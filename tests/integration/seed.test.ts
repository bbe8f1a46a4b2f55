import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { GET as getLadderRoute } from "@/app/api/ladder/route";
import { hashPassword } from "@/lib/auth/password";
import { CATALOG, withCustomCertifications } from "@/lib/catalog";
import { listCustomCertifications } from "@/lib/certifications";
import { exportUserData, importUserData } from "@/lib/data-transfer";
import { listHistory } from "@/lib/history";
import { evaluateLadder } from "@/lib/ladder";
import { exportFileSchema } from "@/lib/data-transfer/schemas";
import { getLadderPosition, getProgress } from "@/lib/progress";
import { parseInput } from "@/lib/validation";
import { createRandom, generateSeedPerson, seedPeople } from "@/lib/seed";
import { authedRequest, signIn } from "../helpers/auth";
import { countRows, createTestUser } from "../helpers/progress-fixtures";

const TODAY = "2026-06-15";

// The people npm run bench loads: written in bulk, they must read back through the app's own
// data layer exactly as generated, and behave like people who entered their data by hand.
describe("seedPeople", () => {
  it("writes people that the data layer reads back exactly, and that can sign in", async () => {
    const seed = crypto.randomInt(1, 2 ** 31);
    const label = `seed-${crypto.randomUUID()}`;
    const password = "a shared seeding password for tests";
    const result = await seedPeople({ count: 12, passwordHash: await hashPassword(password), today: TODAY, seed, label, batchSize: 5 });
    expect(result.counts.users).toBe(12);
    expect(result.people).toHaveLength(12);

    // The same PRNG sequence regenerates what was written.
    const random = createRandom(seed);
    const expected = Array.from({ length: 12 }, (_, index) => generateSeedPerson(random, { index, today: TODAY, label }));
    expect(result.counts.progress).toBe(expected.reduce((n, p) => n + p.progress.length, 0));
    expect(result.counts.events).toBe(expected.reduce((n, p) => n + p.events.length, 0));

    for (const person of expected.slice(0, 4)) {
      expect(await countRows(person.id)).toEqual({
        progress: person.progress.length,
        events: person.events.length,
        certifications: person.customCertifications.length,
      });
      const { items } = await getProgress(person.id);
      const generatedItems = [...person.progress]
        .sort((a, b) => (a.itemId < b.itemId ? -1 : 1))
        .map((row) => ({
          itemId: row.itemId,
          status: row.status,
          completedOn: row.completedOn,
          expiresOn: row.expiresOn,
          note: row.note,
          evidenceUrl: row.evidenceUrl,
          targetOn: row.targetOn,
          updatedAt: row.updatedAt.toISOString(),
        }));
      expect(items).toEqual(generatedItems);
      const generatedCerts = person.customCertifications.map(({ id, title, issuer }) => ({ id, title, issuer }));
      expect(await listCustomCertifications(person.id)).toEqual(generatedCerts);
      // The position read from the database is the one the generated rows give.
      const position = await getLadderPosition(person.id, TODAY);
      expect(position).toEqual(evaluateLadder(withCustomCertifications(CATALOG, generatedCerts), generatedItems, TODAY));
    }

    // History pages through the seeded events newest first, without gaps or repeats: the
    // stored times compare in SQL like the ones the app writes itself.
    const person = expected[0];
    if (!person) throw new Error("no person generated");
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listHistory(person.id, { limit: 7, cursor });
      seen.push(...page.events.map((e) => `${e.createdAt} ${e.itemId}`));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(person.events.length);
    expect(seen).toEqual([...person.events].reverse().map((e) => `${e.createdAt.toISOString()} ${e.itemId}`));

    // A seeded person signs in with the shared password like anyone else.
    const { cookie } = await signIn(person.email, password);
    expect(cookie).not.toBeNull();
    const response = await getLadderRoute(authedRequest("/api/ladder", { cookie }), {});
    expect(response.status).toBe(200);
  });

  it("writes data that the import's own checks accept: an export of a seeded person imports into another account", async () => {
    const { people } = await seedPeople({ count: 2, passwordHash: "unused", today: TODAY, seed: crypto.randomInt(1, 2 ** 31), label: `seed-${crypto.randomUUID()}` });
    const source = people[0];
    if (!source) throw new Error("nothing seeded");
    const file = await exportUserData(source.id);
    const target = await createTestUser();
    const restored = await importUserData(target.id, parseInput(exportFileSchema, JSON.parse(JSON.stringify(file))));
    expect(restored.restored.progress).toBe(file.progress.length);
    expect(restored.restored.history).toBe(file.history.length);
    expect((await getProgress(target.id)).summary).toEqual((await getProgress(source.id)).summary);
  });
});
