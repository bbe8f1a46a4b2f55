import type { Factor } from "./schema";

/** "Is Machine Learning Engineering a Good Career Path?": the eight factors and their scores. */
export const FACTORS = [
  {
    id: "opportunities-for-advancement",
    order: 1,
    title: "Opportunities for Advancement",
    score: 9,
    summary:
      "As a top-tier position, the MLE role offers unparalleled influence and decision-making authority. The progression from junior roles to the MLE position exemplifies growth potential within the tech ladder, offering increased responsibilities and strategic roles.",
  },
  {
    id: "skill-development",
    order: 2,
    title: "Skill Development",
    score: 9,
    summary:
      "The tech landscape is dynamic. MLEs must continually adapt to tech changes, algorithmic advancements, and data innovations. This constant evolution ensures that MLEs are always learning and refining their skills.",
  },
  {
    id: "industry-growth",
    order: 3,
    title: "Industry Growth",
    score: 10,
    summary:
      "Every sector, whether finance, healthcare, or retail, requires MLEs. The demand is skyrocketing, making it one of the fastest-growing careers in the tech industry.",
  },
  {
    id: "stability",
    order: 4,
    title: "Stability",
    score: 8,
    summary:
      "The essential nature of machine learning in every tech-driven business guarantees a high degree of job stability. Economic downturns might affect some sectors, but the need for machine learning expertise remains constant.",
  },
  {
    id: "networking-opportunities",
    order: 5,
    title: "Networking Opportunities",
    score: 9,
    summary:
      "As tech leaders, MLEs interact with industry leaders, investors, and other influential figures, offering rich opportunities for networking and collaborations.",
  },
  {
    id: "flexibility",
    order: 6,
    title: "Flexibility",
    score: 9,
    summary:
      "While the MLE role involves significant responsibilities, it also provides flexibility in terms of creative problem-solving, algorithm design and potential for remote work, especially in modern, digitally-forward companies.",
  },
  {
    id: "salary-and-benefits-progression",
    order: 7,
    title: "Salary and Benefits Progression",
    score: 10,
    summary:
      "MLEs enjoy one of the highest compensation packages in the tech world. As the company grows and succeeds, so does the MLE\u2019s remuneration, reflecting their integral role.",
  },
  {
    id: "work-life-balance",
    order: 8,
    title: "Work-Life Balance",
    score: 7,
    summary:
      "Due to the weight of responsibilities and round-the-clock nature of global tech, achieving a perfect work-life balance can be challenging. However, the rewards and satisfaction from the role can offset this aspect for many.",
  },
] as const satisfies readonly Factor[];

export type FactorId = (typeof FACTORS)[number]["id"];
