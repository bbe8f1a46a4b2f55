/** The one page width: every header and page body lines up with it. */
export const SHELL_WIDTH = "mx-auto w-full max-w-5xl px-4 sm:px-6";
