import type { Track } from "./schema";

/** "Different Machine Learning Engineer Career Tracks", in the article's order. */
export const TRACKS = [
  {
    id: "research-mle",
    title: "Research MLE",
    summary:
      "This MLE is deeply involved in research and development, pushing the boundaries of machine learning and AI, and often publishing their findings in academic journals.",
  },
  {
    id: "product-mle",
    title: "Product MLE",
    summary:
      "Their main focus is on product development, integrating machine learning models into products, and enhancing user experience through AI.",
  },
  {
    id: "systems-mle",
    title: "Systems MLE",
    summary:
      "This track emphasizes the creation of scalable machine learning systems, ensuring the algorithms run efficiently across various platforms.",
  },
  {
    id: "data-centric-mle",
    title: "Data-Centric MLE",
    summary:
      "They focus on working with large datasets, understanding data patterns, and developing machine learning models based on these insights.",
  },
  {
    id: "startup-mle",
    title: "Startup MLE",
    summary:
      "In the dynamic world of startups, this MLE not only builds machine learning models but often plays roles in product development, customer interaction, and sometimes even marketing, adapting to the startup\u2019s rapid growth and evolving needs.",
  },
] as const satisfies readonly Track[];

export type TrackId = (typeof TRACKS)[number]["id"];
