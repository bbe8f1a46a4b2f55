export { describeRules } from "./describe";
export type { RequirementDescription, RulesDescription, RungDescription } from "./describe";
export { daysBetween, toIsoDate } from "./dates";
export { EXPIRY_WARNING_DAYS, evaluateLadder } from "./evaluate";
export type {
  ExpiringCertification,
  LadderEvaluation,
  LevelStatus,
  MissingRequirement,
  RequirementStatus,
  RungDTO,
} from "./evaluate";
export type { ProgressRow } from "./requirements";
// Re-exported so callers that only evaluate need one import.
export { withCustomCertifications } from "../catalog";
export { FORECAST_HORIZON_DAYS, forecastPlan, MIN_HISTORY_DAYS, PACE_WINDOW_DAYS } from "./forecast";
export type { Forecast, ForecastBasis, ForecastInput, ForecastRow } from "./forecast";
