import type { Education } from "./schema";

const CS_GROUP = "Bachelor's or Master's Degree in Computer Science";
const MATH_GROUP = "Bachelor's or Master's Degree in Mathematics";
const DS_GROUP = "Bachelor's or Master's Degree in Data Science";
/** Step 4's sentence: "Many MLEs hold a Master's or Ph.D. in Machine Learning or Data Science …". */
const ADVANCED_GROUP = "Master's or Ph.D. in Machine Learning or Data Science";

const CS_SUMMARY =
  "This provides a comprehensive understanding of programming principles, data structures, and algorithms.";
const MATH_SUMMARY =
  "Emphasizes the nuances of mathematical concepts, statistical analysis, and probability, laying the groundwork for understanding machine learning algorithms.";
const DS_SUMMARY =
  "Offers insights into data analysis, big data techniques, and machine learning models that can influence tech decision-making.";
/**
 * The article's only description of these degrees is step 4's sentence, shown whole: its
 * clause alone ("gives them …") would start mid-sentence.
 */
const ADVANCED_SUMMARY =
  "Many MLEs hold a Master's or Ph.D. in Machine Learning or Data Science that gives them a deeper understanding of algorithms and computational statistics.";

/**
 * Education paths from "Educational Requirements" plus step 4. The article lists each as
 * "Bachelor's or Master's …"; one path per degree so a person can check the one they hold.
 * masters-data-science appears in both lists and keeps the first group.
 */
export const EDUCATION = [
  {
    id: "bachelors-computer-science",
    title: "Bachelor's Degree in Computer Science",
    degree: "bachelor",
    field: "Computer Science",
    group: CS_GROUP,
    summary: CS_SUMMARY,
  },
  {
    id: "masters-computer-science",
    title: "Master's Degree in Computer Science",
    degree: "master",
    field: "Computer Science",
    group: CS_GROUP,
    summary: CS_SUMMARY,
  },
  {
    id: "bachelors-mathematics",
    title: "Bachelor's Degree in Mathematics",
    degree: "bachelor",
    field: "Mathematics",
    group: MATH_GROUP,
    summary: MATH_SUMMARY,
  },
  {
    id: "masters-mathematics",
    title: "Master's Degree in Mathematics",
    degree: "master",
    field: "Mathematics",
    group: MATH_GROUP,
    summary: MATH_SUMMARY,
  },
  {
    id: "bachelors-data-science",
    title: "Bachelor's Degree in Data Science",
    degree: "bachelor",
    field: "Data Science",
    group: DS_GROUP,
    summary: DS_SUMMARY,
  },
  {
    id: "masters-data-science",
    title: "Master's Degree in Data Science",
    degree: "master",
    field: "Data Science",
    group: DS_GROUP,
    summary: DS_SUMMARY,
  },
  {
    id: "masters-machine-learning",
    title: "Master's Degree in Machine Learning",
    degree: "master",
    field: "Machine Learning",
    group: ADVANCED_GROUP,
    summary: ADVANCED_SUMMARY,
  },
  {
    id: "phd-machine-learning",
    title: "Ph.D. in Machine Learning",
    degree: "phd",
    field: "Machine Learning",
    group: ADVANCED_GROUP,
    summary: ADVANCED_SUMMARY,
  },
  {
    id: "phd-data-science",
    title: "Ph.D. in Data Science",
    degree: "phd",
    field: "Data Science",
    group: ADVANCED_GROUP,
    summary: ADVANCED_SUMMARY,
  },
] as const satisfies readonly Education[];

export type EducationId = (typeof EDUCATION)[number]["id"];
