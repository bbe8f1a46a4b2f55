import { CERTIFICATIONS, EDUCATION, type ItemStatus, SKILLS, STEPS, TRACKS } from "@/lib/catalog";
import { addDays } from "@/lib/clock";
import type { ProgressItem } from "@/lib/progress/types";

// Made-up people with realistic progress, for load tests and demos. Pure and deterministic:
// the same seed gives the same people, so two benchmark runs measure the same data.
// What a row looks like follows the product's own rules: certifications alone carry an
// expiry date, it never precedes the completion date, completion dates are never in the
// future, and every row's history replays to exactly its stored state.

export type SeedProgressRow = Omit<ProgressItem, "updatedAt" | "verification"> & {
  createdAt: Date;
  updatedAt: Date;
};

export type SeedEvent = {
  itemId: string;
  fromStatus: ItemStatus | null;
  toStatus: ItemStatus;
  /** JSON of {field: [before, after]}, as lib/progress records it. */
  changes: string;
  createdAt: Date;
};

export type SeedPerson = {
  id: string;
  email: string;
  name: string;
  trackId: string | null;
  createdAt: Date;
  customCertifications: { id: string; title: string; issuer: string; createdAt: Date }[];
  progress: SeedProgressRow[];
  events: SeedEvent[];
};

export type GenerateOptions = {
  /** Index of the person (0-based); part of their id and email. */
  index: number;
  /** "YYYY-MM-DD": no completion date after it; some certifications expire around it. */
  today: string;
  /** Prefix of ids and emails, so seeded people are easy to tell apart. */
  label?: string;
};

/** A small, fast, seedable PRNG (mulberry32): deterministic people without a dependency. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const FIRST_NAMES = ["Ada", "Grace", "Alan", "Katherine", "Yann", "Fei-Fei", "Geoffrey", "Daphne", "Andrew", "Cynthia", "Judea", "Radia", "Tim", "Barbara", "Ravi", "Mei"];
const LAST_NAMES = ["Okafor", "Lindqvist", "Moreau", "Tanaka", "Haddad", "Novak", "Silva", "Kowalski", "Nguyen", "Fischer", "Osei", "Ramírez", "Patel", "Chen", "Walsh", "Ivanova"];
const OWN_CERTIFICATIONS: readonly (readonly [string, string])[] = [
  ["Microsoft Certified: Azure AI Engineer Associate", "Microsoft"],
  ["Databricks Certified Machine Learning Professional", "Databricks"],
  ["TensorFlow Developer Certificate", "Google"],
  ["Certified Kubernetes Application Developer", "The Linux Foundation"],
  ["Deep Learning Specialization", "DeepLearning.AI"],
  ["AWS Certified Solutions Architect – Associate", "Amazon Web Services"],
  ["NVIDIA-Certified Associate: Generative AI LLMs", "NVIDIA"],
  ["Snowflake SnowPro Core", "Snowflake"],
  ["IBM Data Science Professional Certificate", "IBM"],
  ["Certified Analytics Professional", "INFORMS"],
  ["Professional Scrum Master I", "Scrum.org"],
  ["Oracle Cloud Infrastructure AI Foundations", "Oracle"],
  ["Certified Associate in Python Programming", "Python Institute"],
  ["HashiCorp Certified: Terraform Associate", "HashiCorp"],
  ["Cloudera Data Platform Generalist", "Cloudera"],
  ["SAS Certified Specialist: Machine Learning", "SAS"],
  ["MongoDB Associate Developer", "MongoDB"],
  ["Azure Data Scientist Associate", "Microsoft"],
];
const NOTES = [
  "Started with the evening course; two modules left.",
  "Paid for by my employer's training budget.",
  "Portfolio project: churn model with a write-up.",
  "Ask my mentor for feedback on this.",
  "Renewal reminder set in my calendar.",
  null,
  null,
  null,
];

const DAY_MS = 86_400_000;

type Plan = { itemId: string; status: ItemStatus; isCertification: boolean };

/**
 * 25-character ids shaped like the app's cuid() defaults: a part that grows with the person's
 * index (cuids start with a timestamp, so real rows arrive in roughly increasing id order and
 * indexes grow at their end) and a random part, deterministic from the PRNG.
 */
function makeId(random: () => number, index: number, prefix = "c"): string {
  let id = `${prefix}${index.toString(36).padStart(6, "0")}`;
  while (id.length < 25) id += Math.floor(random() * 36).toString(36);
  return id;
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

function shuffle<T>(random: () => number, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

function chance(random: () => number, p: number): boolean {
  return random() < p;
}

/**
 * One person: rows for the 23 catalog items a person touches in practice (the 8 steps, the
 * 4 skills, every education path, the 2 listed certifications), 8 to 16 certifications of
 * their own with a row each (31 to 39 rows), and 1 to 7 history events per row (about 3).
 */
export function generateSeedPerson(random: () => number, options: GenerateOptions): SeedPerson {
  const { index, today } = options;
  const label = options.label ?? "seed";
  const now = Date.parse(`${today}T12:00:00.000Z`);
  // How far along this person is: 0 is just starting, 1 a director's record.
  const seniority = random() ** 0.8;
  const joinedDaysAgo = 60 + Math.floor(random() * 1000);
  const createdAt = new Date(now - joinedDaysAgo * DAY_MS);
  const first = pick(random, FIRST_NAMES);
  const last = pick(random, LAST_NAMES);

  const customCertifications = shuffle(random, OWN_CERTIFICATIONS)
    .slice(0, 8 + Math.floor(random() * 9))
    .map(([title, issuer], i) => ({
      id: `custom-${makeId(random, index, "s")}`,
      title,
      issuer,
      createdAt: new Date(createdAt.getTime() + (i + 1) * 3_600_000),
    }));

  const plans: Plan[] = [];
  const stepsDone = Math.round(seniority * STEPS.length);
  STEPS.forEach((step, i) => {
    const status: ItemStatus = i < stepsDone ? "done" : i === stepsDone ? "in_progress" : chance(random, 0.15) ? "skipped" : "todo";
    plans.push({ itemId: step.id, status, isCertification: false });
  });
  for (const skill of SKILLS) {
    plans.push({ itemId: skill.id, status: chance(random, 0.35 + 0.6 * seniority) ? "done" : "in_progress", isCertification: false });
  }
  // Education paths are alternatives: one bachelor's, a master's or PhD for the senior, the rest skipped or untouched.
  const bachelors = EDUCATION.filter((e) => e.degree === "bachelor");
  const advanced = EDUCATION.filter((e) => e.degree !== "bachelor");
  const ownBachelor = pick(random, bachelors).id;
  const ownAdvanced = seniority > 0.55 && chance(random, 0.6) ? pick(random, advanced).id : null;
  for (const path of EDUCATION) {
    let status: ItemStatus;
    if (path.id === ownBachelor) status = chance(random, 0.9) ? "done" : "in_progress";
    else if (path.id === ownAdvanced) status = chance(random, 0.8) ? "done" : "in_progress";
    else status = chance(random, 0.6) ? "skipped" : "todo";
    plans.push({ itemId: path.id, status, isCertification: false });
  }
  for (const cert of [...CERTIFICATIONS, ...customCertifications]) {
    const roll = random();
    const status: ItemStatus = roll < 0.3 + 0.4 * seniority ? "done" : roll < 0.8 ? "in_progress" : "todo";
    plans.push({ itemId: cert.id, status, isCertification: true });
  }

  const progress: SeedProgressRow[] = [];
  const events: SeedEvent[] = [];
  for (const plan of plans) {
    const { row, history } = itemHistory(random, plan, createdAt.getTime(), now, today);
    progress.push(row);
    events.push(...history);
  }
  events.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());

  return {
    id: makeId(random, index),
    email: `${label}-${index}@example.test`,
    name: `${first} ${last}`,
    trackId: chance(random, 0.7) ? pick(random, TRACKS).id : null,
    createdAt,
    customCertifications,
    progress,
    events,
  };
}

type State = Pick<SeedProgressRow, "status" | "completedOn" | "expiresOn" | "note" | "evidenceUrl">;
const FIELDS = ["status", "completedOn", "expiresOn", "note", "evidenceUrl"] as const;

/** The row's path to its final state, as the events lib/progress would have recorded. */
function itemHistory(random: () => number, plan: Plan, joinedAt: number, now: number, today: string) {
  const roll = random();
  const path: ItemStatus[] =
    plan.status === "done"
      ? roll < 0.35
        ? ["in_progress", "done"]
        : roll < 0.85
          ? ["todo", "in_progress", "done"]
          : ["in_progress", "todo", "in_progress", "done"]
      : plan.status === "in_progress"
        ? roll < 0.7
          ? ["todo", "in_progress"]
          : ["in_progress"]
        : plan.status === "skipped"
          ? roll < 0.5
            ? ["todo", "skipped"]
            : ["skipped"]
          : ["in_progress", "todo"];
  // Change times: increasing, between joining and now; the last three for later edits of the details.
  const span = now - joinedAt;
  const times = Array.from({ length: path.length + 3 }, () => joinedAt + Math.floor(random() * span)).sort((a, b) => a - b);

  let state: State = { status: "todo", completedOn: null, expiresOn: null, note: null, evidenceUrl: null };
  const history: SeedEvent[] = [];
  const apply = (next: State, at: number) => {
    const changes: Record<string, [string | null, string | null]> = {};
    for (const field of FIELDS) if (state[field] !== next[field]) changes[field] = [state[field], next[field]];
    if (Object.keys(changes).length === 0) return;
    const fromStatus = history.length === 0 ? null : state.status;
    history.push({ itemId: plan.itemId, fromStatus, toStatus: next.status, changes: JSON.stringify(changes), createdAt: new Date(at) });
    state = next;
  };

  path.forEach((status, i) => {
    const at = times[i] as number;
    if (status === "done") {
      const completedOn = new Date(at).toISOString().slice(0, 10);
      let expiresOn: string | null = null;
      if (plan.isCertification) {
        // Two or three years of validity; about one in eight expires within a month of today.
        expiresOn = chance(random, 0.12) ? addDays(today, Math.floor(random() * 45) - 14) : addDays(completedOn, 365 * (2 + Math.floor(random() * 2)));
        if (expiresOn < completedOn) expiresOn = completedOn;
      }
      apply({ ...state, status, completedOn: completedOn > today ? today : completedOn, expiresOn }, at);
    } else {
      apply({ ...state, status }, at);
    }
  });
  // Later edits of the details: a note, a link to the evidence.
  if (chance(random, 0.75)) apply({ ...state, note: pick(random, NOTES) }, times[path.length] as number);
  if (state.status === "done" && chance(random, 0.4)) {
    apply({ ...state, evidenceUrl: `https://example.com/evidence/${plan.itemId}` }, times[path.length + 1] as number);
  }
  if (chance(random, 0.3)) apply({ ...state, note: pick(random, NOTES) }, times[path.length + 2] as number);

  const first = history[0];
  const last = history[history.length - 1];
  const row: SeedProgressRow = {
    itemId: plan.itemId,
    ...state,
    targetOn: null,
    createdAt: first ? first.createdAt : new Date(joinedAt),
    updatedAt: last ? last.createdAt : new Date(joinedAt),
  };
  return { row, history };
}
