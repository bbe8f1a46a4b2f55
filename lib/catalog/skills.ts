import type { Skill } from "./schema";

/** "Essential Skills for a Machine Learning Engineer", in the article's order. */
export const SKILLS = [
  {
    id: "programming-languages",
    title: "Proficiency in Programming Languages",
    summary: "Essential for writing algorithms and creating models.",
  },
  {
    id: "machine-learning-algorithms",
    title: "Understanding of Machine Learning Algorithms",
    summary: "Vital to design intelligent systems and make accurate predictions.",
  },
  {
    id: "data-modeling-and-evaluation",
    title: "Data Modeling and Evaluation",
    summary:
      "Necessary for interpreting data and improving the performance of machine learning models.",
  },
  {
    id: "software-engineering-skills",
    title: "Software Engineering Skills",
    summary: "Enables the MLE to integrate machine learning models into software applications.",
  },
] as const satisfies readonly Skill[];

export type SkillId = (typeof SKILLS)[number]["id"];
