import type { LadderLevelContent } from "./schema";

/**
 * The rungs in the article's order ("Career Progression for a Machine Learning Engineer"),
 * salary brackets as the article gives them (sourced there from Talent.com).
 * The rules for reaching each rung live in ./rules.ts.
 */
export const LADDER_LEVELS = [
  {
    id: "junior-mle",
    title: "Junior Machine Learning Engineer",
    shortTitle: "Junior MLE",
    salaryMin: 84563,
    salaryMax: 109500,
    summary:
      "At this stage, professionals focus on developing machine learning models, interpreting data, and making recommendations.",
  },
  {
    id: "mle",
    title: "Machine Learning Engineer",
    shortTitle: "MLE",
    salaryMin: 124998,
    salaryMax: 200000,
    summary:
      "As an MLE, they develop advanced ML models, engage in strategic tech planning, and drive technological innovation.",
  },
  {
    id: "senior-mle",
    title: "Senior Machine Learning Engineer",
    shortTitle: "Senior MLE",
    salaryMin: 150000,
    salaryMax: 207863,
    summary:
      "Here, they start to have a say in the company\u2019s tech strategy, working closely with top management, and advising on major tech decisions.",
  },
  {
    id: "ml-team-lead",
    title: "Machine Learning Team Lead",
    shortTitle: "ML Team Lead",
    salaryMin: 172150,
    salaryMax: 212400,
    summary:
      "At this level, the responsibilities grow to include team management, overseeing the machine learning projects, and aligning tech strategies with company objectives.",
  },
  {
    id: "director-of-ml",
    title: "Director of Machine Learning",
    shortTitle: "Director of ML",
    salaryMin: 187500,
    salaryMax: 237500,
    summary:
      "As the pinnacle of tech careers, the Director of Machine Learning has overarching responsibility for all machine learning aspects of the company, shaping strategy, overseeing tech operations, and guiding the company's growth and stability.",
  },
] as const satisfies readonly LadderLevelContent[];

export type LevelId = (typeof LADDER_LEVELS)[number]["id"];
