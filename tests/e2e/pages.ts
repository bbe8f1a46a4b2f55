// Every page of the product, for the checks that run on all of them (accessibility, layout).
export type PageUnderTest = { name: string; path: string; isSignedIn: boolean; heading: string | RegExp };

export const PAGES: readonly PageUnderTest[] = [
  { name: "home", path: "/", isSignedIn: false, heading: /./ },
  { name: "how-it-works", path: "/how-it-works", isSignedIn: false, heading: "How your level is computed" },
  { name: "signin", path: "/signin", isSignedIn: false, heading: "Sign in to Ladder" },
  { name: "signup", path: "/signup", isSignedIn: false, heading: "Create your Ladder account" },
  { name: "dashboard", path: "/dashboard", isSignedIn: true, heading: "Ada Lovelace's dashboard" },
  { name: "ladder", path: "/ladder", isSignedIn: true, heading: "Your ladder" },
  { name: "history", path: "/history", isSignedIn: true, heading: "Your history" },
  { name: "settings", path: "/settings", isSignedIn: true, heading: "Settings" },
  { name: "mentoring", path: "/mentoring", isSignedIn: true, heading: "Mentoring" },
  { name: "not-found", path: "/no-such-page", isSignedIn: false, heading: "This page does not exist." },
  { name: "not-found-signed-in", path: "/no-such-page", isSignedIn: true, heading: "This page does not exist." },
];

export const SCHEMES = ["light", "dark"] as const;
export const SIZES = [
  { width: 375, height: 812 },
  { width: 1280, height: 800 },
] as const;
