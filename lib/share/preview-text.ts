// The link preview image is drawn with one bundled Latin font (next/og, offline). An emoji or
// a character outside that font makes next/og fetch a font from the network, which fails
// here: such characters are removed before drawing (shared/STACK-NOTES.md, "next/og").

const PICTOGRAPHIC = /\p{Extended_Pictographic}|\p{Emoji_Modifier}|\u{200D}|\u{FE0E}|\u{FE0F}|\u{20E3}/gu;
const OUTSIDE_FONT = /[^\u0020-\u007E\u00A0-\u00FF\u2013\u2014\u2018\u2019\u201C\u201D\u2026]/gu;

/** `text` with only characters the bundled font draws, spaces collapsed, at most `max` long. */
export function previewText(text: string, max = 60): string {
  const clean = text.replace(PICTOGRAPHIC, "").replace(OUTSIDE_FONT, "").replace(/\s+/g, " ").trim();
  return clean.length > max ? `${clean.slice(0, max - 1).trimEnd()}…` : clean;
}
