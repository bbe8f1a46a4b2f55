import { describe, expect, it } from "vitest";
import { CATALOG, SKILLS, withCustomCertifications } from "../../lib/catalog";
import { describeRules, evaluateLadder, type ProgressRow } from "../../lib/ladder";

const TODAY = "2026-06-15";
const SKILL_IDS = SKILLS.map((s) => s.id);
const AWS = "aws-certified-machine-learning";
const GOOGLE = "google-professional-machine-learning-engineer";

const done = (...ids: string[]): ProgressRow[] => ids.map((itemId) => ({ itemId, status: "done" }));
const cert = (itemId: string, expiresOn: string | null = null): ProgressRow => ({
  itemId,
  status: "done",
  completedOn: "2025-01-10",
  expiresOn,
});
const evaluate = (progress: readonly ProgressRow[], today = TODAY) =>
  evaluateLadder(CATALOG, progress, today);

// Minimal progress that reaches each rung.
const JUNIOR = done("earn-bachelors-degree", "gain-practical-experience");
const MLE = [...JUNIOR, cert(AWS), ...done(...SKILL_IDS)];
const SENIOR = [...MLE, ...done("build-a-network", "specialize-in-a-domain")];
const LEAD = [...SENIOR, ...done("transition-to-strategic-roles")];
const DIRECTOR = [...LEAD, ...done("seek-mentoring", "seek-advanced-degree")];

const without = (progress: readonly ProgressRow[], itemId: string) =>
  progress.filter((row) => row.itemId !== itemId);

describe("evaluateLadder: start and top", () => {
  it("puts a person with no progress at Aspiring MLE with 0 %", () => {
    const result = evaluate([]);
    expect(result.current).toBeNull();
    expect(result.next?.id).toBe("junior-mle");
    expect(result.percentToNext).toBe(0);
    expect(result.overallPercent).toBe(0);
    expect(result.levels.every((l) => !l.reached)).toBe(true);
    expect(result.missing.map((m) => m.requirementId)).toEqual([
      "req-bachelors-degree",
      "req-practical-experience",
    ]);
    expect(result.missing[0]?.itemIds).toEqual([
      "earn-bachelors-degree",
      "bachelors-computer-science",
      "bachelors-mathematics",
      "bachelors-data-science",
    ]);
    expect(result.explanation).toBe(
      "You are Aspiring MLE. For Junior Machine Learning Engineer you still need: Earn a Bachelor's Degree (or a bachelor's education path); Gain Practical Experience.",
    );
  });

  it("puts a person with full progress at Director with 100 % and no next rung", () => {
    const result = evaluate(DIRECTOR);
    expect(result.current).toEqual({
      id: "director-of-ml",
      title: "Director of Machine Learning",
      shortTitle: "Director of ML",
      salaryMin: 187500,
      salaryMax: 237500,
    });
    expect(result.next).toBeNull();
    expect(result.missing).toEqual([]);
    expect(result.percentToNext).toBe(100);
    expect(result.overallPercent).toBe(100);
    expect(result.levels.every((l) => l.reached)).toBe(true);
    expect(result.explanation).toBe(
      "You have reached Director of Machine Learning, the top of the ladder.",
    );
  });
});

describe("evaluateLadder: rung boundaries (exactly met vs one requirement short)", () => {
  const cases: {
    rung: string;
    below: string | null;
    met: readonly ProgressRow[];
    short: readonly ProgressRow[];
    missingId: string;
    percentShort: number;
  }[] = [
    {
      rung: "junior-mle",
      below: null,
      met: JUNIOR,
      short: without(JUNIOR, "gain-practical-experience"),
      missingId: "req-practical-experience",
      percentShort: 50,
    },
    {
      rung: "mle",
      below: "junior-mle",
      met: MLE,
      short: without(MLE, "data-modeling-and-evaluation"),
      missingId: "req-essential-skills",
      percentShort: 50,
    },
    {
      rung: "senior-mle",
      below: "mle",
      met: SENIOR,
      short: without(SENIOR, "build-a-network"),
      missingId: "req-build-a-network",
      percentShort: 50,
    },
    {
      rung: "ml-team-lead",
      below: "senior-mle",
      met: LEAD,
      short: SENIOR,
      missingId: "req-strategic-role",
      percentShort: 0,
    },
    {
      rung: "director-of-ml",
      below: "ml-team-lead",
      met: DIRECTOR,
      short: without(DIRECTOR, "seek-advanced-degree"),
      missingId: "req-advanced-degree",
      percentShort: 66,
    },
  ];

  for (const c of cases) {
    it(`${c.rung}: reached when exactly met`, () => {
      const result = evaluate(c.met);
      expect(result.current?.id).toBe(c.rung);
      expect(result.levels.find((l) => l.id === c.rung)?.reached).toBe(true);
    });

    it(`${c.rung}: not reached one requirement short`, () => {
      const result = evaluate(c.short);
      expect(result.current?.id ?? null).toBe(c.below);
      expect(result.next?.id).toBe(c.rung);
      expect(result.missing.map((m) => m.requirementId)).toEqual([c.missingId]);
      expect(result.percentToNext).toBe(c.percentShort);
    });
  }

  it("lists only the skills still missing for MLE", () => {
    const result = evaluate(without(without(MLE, "programming-languages"), "software-engineering-skills"));
    expect(result.missing).toEqual([
      {
        requirementId: "req-essential-skills",
        title: "Master all 4 essential skills",
        itemIds: ["programming-languages", "software-engineering-skills"],
      },
    ]);
  });

  it("explains what Senior still needs in words", () => {
    const result = evaluate(MLE);
    expect(result.percentToNext).toBe(0);
    expect(result.explanation).toBe(
      "You are Machine Learning Engineer. For Senior Machine Learning Engineer you still need: Build a Network; Seek an Advanced Degree or Specialize in a Domain or Industry.",
    );
    expect(result.missing[1]?.itemIds).toEqual([
      "seek-advanced-degree",
      "masters-computer-science",
      "masters-mathematics",
      "masters-data-science",
      "masters-machine-learning",
      "phd-machine-learning",
      "phd-data-science",
      "specialize-in-a-domain",
    ]);
  });

  it("is cumulative: meeting every other requirement does not lift a rung over an unmet lower one", () => {
    const result = evaluate(without(DIRECTOR, "gain-practical-experience"));
    expect(result.current).toBeNull();
    expect(result.levels.map((l) => l.reached)).toEqual([false, false, false, false, false]);
    // Met clauses still show as progress: 9 of the 10 distinct requirements.
    expect(result.overallPercent).toBe(90);
    expect(result.levels.find((l) => l.id === "senior-mle")?.requirements.every((r) => r.met)).toBe(true);
  });

  it("counts overall progress over the 10 distinct requirements, rounding down", () => {
    expect(evaluate(JUNIOR).overallPercent).toBe(20);
    expect(evaluate(MLE).overallPercent).toBe(40);
    expect(evaluate(done("seek-mentoring")).overallPercent).toBe(10);
    // Specializing meets Senior's alternative and Director's own clause: 2 of 10.
    expect(evaluate(done("specialize-in-a-domain")).overallPercent).toBe(20);
    expect(evaluate(without(DIRECTOR, "seek-advanced-degree")).overallPercent).toBe(90);
  });
});

describe("evaluateLadder: steps satisfied by a category", () => {
  it("counts a bachelor's education path as Earn a Bachelor's Degree", () => {
    const result = evaluate(done("bachelors-mathematics", "gain-practical-experience"));
    expect(result.current?.id).toBe("junior-mle");
  });

  it("does not count a master's path alone as a bachelor's degree", () => {
    const result = evaluate(done("masters-computer-science", "gain-practical-experience"));
    expect(result.current).toBeNull();
    expect(result.missing.map((m) => m.requirementId)).toEqual(["req-bachelors-degree"]);
  });

  it.each(["masters-machine-learning", "phd-data-science", "masters-data-science"])(
    "counts %s as an advanced degree (Senior by the degree alternative)",
    (pathId) => {
      const result = evaluate([...MLE, ...done("build-a-network", pathId)]);
      expect(result.current?.id).toBe("senior-mle");
      const director = result.levels.find((l) => l.id === "director-of-ml");
      expect(director?.requirements.find((r) => r.id === "req-advanced-degree")?.met).toBe(true);
    },
  );

  it("reaches Senior by specializing instead of an advanced degree", () => {
    const result = evaluate([...MLE, ...done("build-a-network", "specialize-in-a-domain")]);
    expect(result.current?.id).toBe("senior-mle");
    const director = result.levels.find((l) => l.id === "director-of-ml");
    expect(director?.requirements.find((r) => r.id === "req-advanced-degree")?.met).toBe(false);
  });

  it("counts a person's own certification once it is added to the catalog", () => {
    const catalog = withCustomCertifications(CATALOG, [
      { id: "cert-k8s", title: "Certified Kubernetes Administrator", issuer: "CNCF" },
    ]);
    const progress = [...without(MLE, AWS), cert("cert-k8s")];
    expect(evaluateLadder(catalog, progress, TODAY).current?.id).toBe("mle");
    // Without the person's certification list the row is an unknown id and is ignored.
    expect(evaluateLadder(CATALOG, progress, TODAY).current?.id).toBe("junior-mle");
    const short = evaluateLadder(catalog, without(MLE, AWS), TODAY);
    expect(short.missing.find((m) => m.requirementId === "req-valid-certification")?.itemIds).toEqual([
      AWS,
      GOOGLE,
      "cert-k8s",
    ]);
  });

  it("does not count ticking Pursue Advanced Certifications without a valid certification", () => {
    const result = evaluate([...without(MLE, AWS), ...done("pursue-advanced-certifications")]);
    expect(result.current?.id).toBe("junior-mle");
    expect(result.missing).toEqual([
      {
        requirementId: "req-valid-certification",
        title: "Hold a valid certification (done and not expired)",
        itemIds: [AWS, GOOGLE],
      },
    ]);
  });
});

describe("evaluateLadder: statuses", () => {
  it("never counts skipped, in_progress or todo", () => {
    for (const status of ["skipped", "in_progress", "todo"] as const) {
      const progress = DIRECTOR.map((row) => ({ ...row, status }));
      const result = evaluate(progress);
      expect(result.current, status).toBeNull();
      expect(result.overallPercent, status).toBe(0);
      expect(result.percentToNext, status).toBe(0);
    }
  });

  it("treats skipped exactly like not started, so skipping never raises a percentage", () => {
    const allIds = [
      ...CATALOG.steps.map((s) => s.id),
      ...CATALOG.certifications.map((c) => c.id),
      ...CATALOG.education.map((e) => e.id),
      ...CATALOG.skills.map((s) => s.id),
    ];
    // Deterministic pseudo-random subsets (LCG) so a failure is reproducible.
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let round = 0; round < 200; round++) {
      const doneRows = done(...allIds.filter(() => random() < 0.6));
      const doneIds = new Set(doneRows.map((r) => r.itemId));
      const rest = allIds.filter((id) => !doneIds.has(id));
      const skipped: ProgressRow[] = rest.map((itemId) => ({ itemId, status: "skipped" }));
      const todo: ProgressRow[] = rest.map((itemId) => ({ itemId, status: "todo" }));
      const base = evaluate(doneRows);
      expect(evaluate([...doneRows, ...skipped])).toEqual(base);
      expect(evaluate([...doneRows, ...todo])).toEqual(base);
    }
  });

  it("still counts a skipped step's category: a bachelor's path satisfies step 1", () => {
    const result = evaluate([
      { itemId: "earn-bachelors-degree", status: "skipped" },
      ...done("bachelors-data-science", "gain-practical-experience"),
    ]);
    expect(result.current?.id).toBe("junior-mle");
  });

  it("lets the last of duplicate rows win", () => {
    const doneThenSkipped: ProgressRow[] = [
      ...JUNIOR,
      { itemId: "gain-practical-experience", status: "skipped" },
    ];
    expect(evaluate(doneThenSkipped).current).toBeNull();
    const todoThenDone: ProgressRow[] = [
      { itemId: "gain-practical-experience", status: "todo" },
      ...JUNIOR,
    ];
    expect(evaluate(todoThenDone).current?.id).toBe("junior-mle");
  });

  it("ignores unknown and non-checkable item ids without crashing", () => {
    const noise: ProgressRow[] = [
      ...done("no-such-item", "", "mle", "director-of-ml", "research-mle", "stability"),
      { itemId: "cert-of-someone-else", status: "done", expiresOn: "2000-01-01" },
    ];
    expect(evaluate([...noise, ...JUNIOR])).toEqual(evaluate(JUNIOR));
    expect(evaluate(noise)).toEqual(evaluate([]));
  });

  it("rejects a today that is not an ISO date", () => {
    expect(() => evaluate([], "15/06/2026")).toThrow(RangeError);
    expect(() => evaluate([], "2026-02-30")).toThrow(RangeError);
  });
});

describe("evaluateLadder: certification expiry", () => {
  it("drops the rung the day after the only certification expires", () => {
    const progress = [...without(MLE, AWS), cert(AWS, "2026-06-14")];
    const result = evaluate(progress);
    expect(result.current?.id).toBe("junior-mle");
    expect(result.expiredCertifications).toEqual([AWS]);
    expect(result.missing.map((m) => m.requirementId)).toEqual(["req-valid-certification"]);
    expect(result.explanation).toBe(
      "You are Junior Machine Learning Engineer. For Machine Learning Engineer you still need: Hold a valid certification (done and not expired). This certification has expired and no longer counts: AWS Certified Machine Learning.",
    );
  });

  it("still counts a certification on its expiry date", () => {
    const result = evaluate([...without(MLE, AWS), cert(AWS, TODAY)]);
    expect(result.current?.id).toBe("mle");
    expect(result.expiredCertifications).toEqual([]);
    expect(result.expiringSoon).toEqual([{ itemId: AWS, expiresOn: TODAY, daysLeft: 0 }]);
  });

  it("keeps the rung while another certification is valid", () => {
    const result = evaluate([...without(MLE, AWS), cert(AWS, "2026-01-01"), cert(GOOGLE, null)]);
    expect(result.current?.id).toBe("mle");
    expect(result.expiredCertifications).toEqual([AWS]);
  });

  it("warns about done certifications expiring within 90 days, soonest first", () => {
    const result = evaluate([
      cert(AWS, "2026-09-13"), // 90 days
      cert(GOOGLE, "2026-07-15"), // 30 days
    ]);
    expect(result.expiringSoon).toEqual([
      { itemId: GOOGLE, expiresOn: "2026-07-15", daysLeft: 30 },
      { itemId: AWS, expiresOn: "2026-09-13", daysLeft: 90 },
    ]);
  });

  it("does not warn at 91 days, without an expiry date, or for a certification not done", () => {
    expect(evaluate([cert(AWS, "2026-09-14")]).expiringSoon).toEqual([]);
    expect(evaluate([cert(AWS, null)]).expiringSoon).toEqual([]);
    const inProgress: ProgressRow = { itemId: AWS, status: "in_progress", expiresOn: "2026-07-01" };
    expect(evaluate([inProgress]).expiringSoon).toEqual([]);
    const skippedExpired: ProgressRow = { itemId: AWS, status: "skipped", expiresOn: "2020-07-01" };
    expect(evaluate([skippedExpired]).expiredCertifications).toEqual([]);
  });

  it("counts days across a year boundary", () => {
    expect(evaluate([cert(AWS, "2027-01-14")], "2026-12-15").expiringSoon[0]?.daysLeft).toBe(30);
  });
});

describe("describeRules", () => {
  const rules = describeRules(CATALOG);

  it("describes the same rungs and requirements the evaluator checks", () => {
    const levels = evaluate([]).levels;
    expect(rules.rungs.map((r) => r.id)).toEqual(levels.map((l) => l.id));
    rules.rungs.forEach((rung, i) => {
      expect(rung.requirements.map((r) => [r.id, r.items.map((item) => item.id)])).toEqual(
        levels[i]?.requirements.map((r) => [r.id, r.itemIds]),
      );
    });
    expect(rules.totalRequirements).toBe(10);
    expect(rules.startTitle).toBe("Aspiring MLE");
  });

  it("says in words what each rung needs", () => {
    const [junior, mle, senior] = rules.rungs;
    expect(junior?.text).toBe(
      "You reach Junior Machine Learning Engineer when you meet all 2 requirements below.",
    );
    expect(senior?.text).toBe(
      "You reach Senior Machine Learning Engineer when you have reached Machine Learning Engineer and meet all 2 requirements below.",
    );
    expect(junior?.requirements[0]?.text).toBe(
      `Step 1, "Earn a Bachelor's Degree", is marked done, or any bachelor's education path is marked done (Bachelor's Degree in Computer Science; Bachelor's Degree in Mathematics; Bachelor's Degree in Data Science).`,
    );
    expect(mle?.requirements[0]?.text).toContain(
      `marking step 3, "Pursue Advanced Certifications", as done is not enough on its own`,
    );
    expect(senior?.requirements[1]?.text).toMatch(/^At least one of these: step 4, "Seek an Advanced Degree".*; or step 6, "Specialize in a Domain or Industry", is marked done\.$/);
  });

  it("includes a person's own certifications among the alternatives", () => {
    const mine = describeRules(
      withCustomCertifications(CATALOG, [{ id: "cert-x", title: "My Cert", issuer: "Me" }]),
    );
    const certReq = mine.rungs[1]?.requirements.find((r) => r.id === "req-valid-certification");
    expect(certReq?.items.map((i) => i.id)).toEqual([AWS, GOOGLE, "cert-x"]);
    expect(certReq?.text).toContain("My Cert");
  });
});
