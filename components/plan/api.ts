// The plan's API calls and cache key, shared by the plan card and the calendar link settings.
import { ApiError, errorMessage, fetchJson } from "@/components/api/fetch-json";
import { queryKeys } from "@/components/api/query-keys";
import type { PlanUpdateInput } from "@/lib/plan/schemas";
import type { Plan, PlanView } from "@/lib/plan/types";

export { ApiError, errorMessage };

/** The dashboard's checklist writes invalidate this key too: the plan follows every change. */
export const PLAN_QUERY_KEY = queryKeys.plan;

export const fetchPlan = () => fetchJson<PlanView>("/api/plan");

export const savePlan = (update: PlanUpdateInput) =>
  fetchJson<{ plan: Plan }>("/api/plan", { method: "PUT", body: JSON.stringify(update) }).then((r) => r.plan);
