import zlib from "node:zlib";
import { CredentialFailure } from "./failure";

// Baked badges: the credential travels inside the image. PNG keeps it in an iTXt (or tEXt)
// chunk with the keyword "openbadges"; SVG in an <openbadges:credential> element (Open
// Badges 3.0) or an <openbadges:assertion> element (2.0: its text, or its verify="URL").

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function isPng(bytes: Buffer): boolean {
  return bytes.subarray(0, 8).equals(PNG_SIGNATURE);
}

/** The text baked into a PNG badge. */
export function extractFromPng(bytes: Buffer): string {
  let offset = 8;
  while (offset + 8 <= bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString("latin1", offset + 4, offset + 8);
    const data = bytes.subarray(offset + 8, offset + 8 + length);
    if (data.length < length) break;
    if (type === "iTXt" || type === "tEXt") {
      const keywordEnd = data.indexOf(0);
      if (keywordEnd > 0 && data.toString("latin1", 0, keywordEnd) === "openbadges") {
        if (type === "tEXt") return data.toString("latin1", keywordEnd + 1);
        const compressed = data[keywordEnd + 1] === 1;
        let rest = data.subarray(keywordEnd + 3);
        rest = rest.subarray(rest.indexOf(0) + 1); // language tag
        rest = rest.subarray(rest.indexOf(0) + 1); // translated keyword
        try {
          return (compressed ? zlib.inflateSync(rest, { maxOutputLength: 1024 * 1024 }) : rest).toString("utf8");
        } catch {
          throw new CredentialFailure("malformed", "The badge image's credential chunk cannot be read.");
        }
      }
    }
    if (type === "IEND") break;
    offset += 12 + length;
  }
  throw new CredentialFailure("malformed", "The PNG image holds no baked credential.");
}

function decodeXmlText(text: string): string {
  const cdata = /^\s*<!\[CDATA\[([\s\S]*?)\]\]>\s*$/.exec(text);
  if (cdata) return cdata[1] ?? "";
  return text
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** The credential (or a 2.0 assertion URL) baked into an SVG badge. */
export function extractFromSvg(text: string): string {
  const element = /<openbadges:(credential|assertion)\b([^>]*?)(?:\/>|>([\s\S]*?)<\/openbadges:\1>)/.exec(text);
  if (element) {
    const body = decodeXmlText(element[3] ?? "").trim();
    if (body) return body;
    const verify = /\bverify\s*=\s*"([^"]*)"/.exec(element[2] ?? "");
    if (verify?.[1]) return decodeXmlText(verify[1]);
  }
  throw new CredentialFailure("malformed", "The SVG image holds no baked credential.");
}
