import { describe, expect, it } from "vitest";
import { extractFromPng, extractFromSvg } from "@/lib/credentials/baked";
import { knownCertificationId } from "@/lib/credentials/known-certifications";
import { decodeEncodedList, encodeList, isBitSet } from "@/lib/credentials/status-list";

describe("known achievements", () => {
  it("map to the article's two certifications by issuer, name and the issuer's domain, anything else to none", () => {
    const credly = "https://www.credly.com/api/v1/obi/v2/issuers/0b1c";
    expect(knownCertificationId("Amazon Web Services", "AWS Certified Machine Learning – Specialty", credly)).toBe("aws-certified-machine-learning");
    expect(knownCertificationId("Amazon Web Services Training and Certification", "AWS Certified Machine Learning Engineer - Associate", "did:web:aws.amazon.com")).toBe(
      "aws-certified-machine-learning",
    );
    expect(knownCertificationId("Google Cloud", "Professional Machine Learning Engineer", "did:web:google.accredible.com")).toBe("google-professional-machine-learning-engineer");
    // A self-made key or someone else's domain proves nothing about who the issuer is.
    expect(knownCertificationId("Amazon Web Services", "AWS Certified Machine Learning", "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK")).toBeNull();
    expect(knownCertificationId("Amazon Web Services", "AWS Certified Machine Learning", "https://amazon.com.evil.example/issuer")).toBeNull();
    expect(knownCertificationId("Someone Else", "Professional Machine Learning Engineer", credly)).toBeNull();
    expect(knownCertificationId("Amazon Web Services", "AWS Certified Cloud Practitioner", credly)).toBeNull();
  });
});

describe("baked badges", () => {
  it("reads an SVG's credential element, CDATA or escaped, and a 2.0 verify link", () => {
    expect(extractFromSvg('<svg><openbadges:credential><![CDATA[{"a":1}]]></openbadges:credential></svg>')).toBe('{"a":1}');
    expect(extractFromSvg("<svg><openbadges:credential>{&quot;a&quot;:1}</openbadges:credential></svg>")).toBe('{"a":1}');
    expect(extractFromSvg('<svg><openbadges:assertion verify="https://example.org/a/1"></openbadges:assertion></svg>')).toBe("https://example.org/a/1");
    expect(() => extractFromSvg("<svg></svg>")).toThrow(/no baked credential/);
  });

  it("refuses a PNG without the chunk", () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0, 0, 0, 0]);
    expect(() => extractFromPng(png)).toThrow(/no baked credential/);
  });
});

describe("status lists", () => {
  it("count bits from the most significant bit of the first byte", () => {
    const bits = new Uint8Array(16);
    bits[1] = 0b10000000;
    const decoded = decodeEncodedList(encodeList(bits));
    expect(isBitSet(decoded, 8)).toBe(true);
    expect(isBitSet(decoded, 7)).toBe(false);
    expect(isBitSet(decoded, 9)).toBe(false);
    expect(() => isBitSet(decoded, 10_000)).toThrow(/outside the list/);
  });
});
