import "server-only";

export { buildCalendarFeed, listFeedEvents, RENEWAL_ALARM_DAYS } from "./feed";
export type { FeedEvent } from "./feed";
export { createCalendarToken, findCalendarOwner, hasCalendarToken, revokeCalendarToken } from "./token";
