// The plan's API calls, shared by the plan card and the calendar link settings.
import { apiFetch } from "@/components/dashboard/api";
import type { PlanUpdateInput } from "@/lib/plan/schemas";
import type { Plan, PlanView } from "@/lib/plan/types";

export const fetchPlan = () => apiFetch<PlanView>("/api/plan");

export const savePlan = (update: PlanUpdateInput) =>
  apiFetch<{ plan: Plan }>("/api/plan", { method: "PUT", body: JSON.stringify(update) }).then((r) => r.plan);
