import type { Step } from "./schema";

/**
 * The eight steps in the article's order ("Steps to Become a Machine Learning Engineer").
 * `satisfiedBy` names a category, not ids, so certifications a person adds count too.
 */
export const STEPS = [
  {
    id: "earn-bachelors-degree",
    order: 1,
    title: "Earn a Bachelor's Degree",
    summary:
      "Start with a degree in Computer Science, Mathematics, or a related field. This will provide the foundational knowledge necessary for any tech professional.",
    satisfiedBy: { kind: "education", degrees: ["bachelor"] },
  },
  {
    id: "gain-practical-experience",
    order: 2,
    title: "Gain Practical Experience",
    summary:
      "Start in roles such as a junior Software Engineer or data analyst. These positions offer insights into the tech operations of businesses and pave the way for advancement.",
  },
  {
    id: "pursue-advanced-certifications",
    order: 3,
    title: "Pursue Advanced Certifications",
    summary:
      "Obtaining certifications like AWS Certified Machine Learning or Google Professional Machine Learning Engineer can bolster your expertise and credibility in the field.",
    // DESIGN.md: "Step Certifications satisfied (≥1 certification done and not expired)".
    // Ticking the step alone would let an expired certification keep the rung, so only a
    // valid certification (listed or the person's own) satisfies this step.
    satisfiedBy: { kind: "certification", isExclusive: true },
  },
  {
    id: "seek-advanced-degree",
    order: 4,
    title: "Seek an Advanced Degree",
    summary:
      "Many MLEs hold a Master's or Ph.D. in Machine Learning or Data Science that gives them a deeper understanding of algorithms and computational statistics.",
    satisfiedBy: { kind: "education", degrees: ["master", "phd"] },
  },
  {
    id: "build-a-network",
    order: 5,
    title: "Build a Network",
    summary:
      "Engage with industry peers, join tech associations, or attend conferences. Networking can open doors to mentorship opportunities and executive positions.",
  },
  {
    id: "specialize-in-a-domain",
    order: 6,
    title: "Specialize in a Domain or Industry",
    summary:
      "Developing expertise in a specific industry, like finance, healthcare, or e-commerce, can set you apart and align you with MLE roles in those sectors.",
  },
  {
    id: "transition-to-strategic-roles",
    order: 7,
    title: "Transition to Strategic Roles",
    summary:
      "Positions like Machine Learning Team Lead demand a strategic outlook, aligning machine learning models with business objectives and preparing you for the top tech role.",
  },
  {
    id: "seek-mentoring",
    order: 8,
    title: "Seek Mentoring",
    summary:
      "Engage with current or former MLEs. Their guidance, advice, and insights can be invaluable as you navigate the challenges and intricacies of the journey to MLE.",
  },
] as const satisfies readonly Step[];

export type StepId = (typeof STEPS)[number]["id"];
