// react-query keys of the sharing and mentoring UI.
export const sharingKeys = {
  share: ["share"] as const,
  mentors: ["mentors"] as const,
  comments: ["comments"] as const,
};
