import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import { ImageResponse } from "next/og";
import { formatSalaryBand } from "@/lib/catalog/format";
import { previewText } from "./preview-text";
import type { SharedPlan } from "./types";

// The Open Graph image of a share page, rendered offline with Inter from @fontsource/inter
// (WOFF: next/og does not read WOFF2). Any failure gives the static image in public/.

export const PREVIEW_SIZE = { width: 1200, height: 630 } as const;
export const FALLBACK_IMAGE = "share-preview.png";
const RENDER_TIMEOUT_MS = 5000;

export const FONT_DIR = path.join(/*turbopackIgnore: true*/ process.cwd(), "node_modules", "@fontsource", "inter", "files");

async function render(plan: SharedPlan, fontDir: string): Promise<ArrayBuffer> {
  const fontFile = (weight: 400 | 700) => path.join(fontDir, `inter-latin-${weight}-normal.woff`);
  const [regular, bold] = await Promise.all([fs.readFile(fontFile(400)), fs.readFile(fontFile(700))]);
  const name = previewText(plan.name ?? "") || "A Machine Learning Engineer";
  const rung = previewText(plan.current?.title ?? "Aspiring Machine Learning Engineer");
  const band = plan.current ? formatSalaryBand(plan.current.salaryMin, plan.current.salaryMax) : null;
  const next = plan.next ? previewText(`${plan.percentToNext}% of the way to ${plan.next.title}`, 80) : "At the top of the ladder";
  const response = new ImageResponse(
    <div style={{ width: "100%", height: "100%", display: "flex", flexDirection: "column", justifyContent: "space-between", padding: 72, background: "#0f172a", color: "#f8fafc", fontFamily: "Inter" }}>
      <div style={{ display: "flex", fontSize: 36, fontWeight: 700, color: "#93c5fd" }}>Ladder</div>
      <div style={{ display: "flex", flexDirection: "column" }}>
        <div style={{ display: "flex", fontSize: 64, fontWeight: 700 }}>{name}</div>
        <div style={{ display: "flex", fontSize: 44, marginTop: 16 }}>{rung}</div>
        {band ? <div style={{ display: "flex", fontSize: 36, marginTop: 12, color: "#cbd5e1" }}>{`Salary band ${band}`}</div> : null}
      </div>
      <div style={{ display: "flex", fontSize: 34, color: "#e2e8f0" }}>{next}</div>
    </div>,
    {
      ...PREVIEW_SIZE,
      fonts: [
        { name: "Inter", data: regular, weight: 400, style: "normal" },
        { name: "Inter", data: bold, weight: 700, style: "normal" },
      ],
    },
  );
  // The body renders lazily: read it here so a failure is caught, not streamed half-done.
  return response.arrayBuffer();
}

function timeout(ms: number): Promise<never> {
  return new Promise((_, reject) => setTimeout(() => reject(new Error("preview render timed out")), ms).unref());
}

/** PNG bytes of the preview, or of the static fallback when rendering fails. */
export async function renderSharePreview(plan: SharedPlan, fontDir = FONT_DIR): Promise<Uint8Array> {
  try {
    return new Uint8Array(await Promise.race([render(plan, fontDir), timeout(RENDER_TIMEOUT_MS)]));
  } catch (error) {
    // The message only: never the request, whose URL carries the share token.
    console.warn("[ladder] share preview fell back to the static image:", error instanceof Error ? error.message : String(error));
    return new Uint8Array(await fs.readFile(path.join(/*turbopackIgnore: true*/ process.cwd(), "public", FALLBACK_IMAGE)));
  }
}
