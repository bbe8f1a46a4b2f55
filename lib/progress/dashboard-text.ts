import type { DashboardData } from "./types";

// The dashboard's rows travel from the page (a server component) to the client dashboard as
// one JSON text instead of as objects: React's server payload walks, writes and reads back
// every value of a prop one by one (about 350 for a person with 35 rows), where one string is
// one value, and the browser reads it with JSON.parse (docs/decisions/025).

/** A DashboardData written by toDashboardText, and nothing else. */
export type DashboardText = string & { readonly __dashboardText: true };

export function toDashboardText(data: DashboardData): DashboardText {
  return JSON.stringify(data) as DashboardText;
}

export function fromDashboardText(text: DashboardText): DashboardData {
  return JSON.parse(text) as DashboardData;
}
