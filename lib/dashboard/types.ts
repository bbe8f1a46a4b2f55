import type { LadderEvaluation } from "@/lib/ladder";
import type { CustomCertification, ProgressList } from "@/lib/progress/types";

/** What the dashboard's server render hands to its client components. */
export type DashboardData = {
  today: string;
  trackId: string | null;
  progress: ProgressList;
  customCertifications: CustomCertification[];
  ladder: LadderEvaluation;
};
