// What JavaScript a page makes the browser load, script by script: raw and gzipped bytes and
// which libraries each chunk carries. The production chunks are minified and name no source
// paths, so a library is recognised by a string its code keeps through minification.
// tests/e2e/page-weight.spec.ts requires it (CommonJS: Playwright's loader cannot load an
// ES module from the scripts folder); by hand, against a running production server:
//   node scripts/page-javascript.cjs http://127.0.0.1:3000/ [/dashboard …] [--cookie "name=value"]
const { parseArgs } = require("node:util");
const zlib = require("node:zlib");

/** Library → a string only its code contains (checked against the build's chunks). */
const LIBRARY_MARKERS = {
  "@tanstack/react-query": "No QueryClient set, use QueryClientProvider to set one",
  zod: "$ZodType",
  zxcvbn: "zxcvbn",
};

function gzipBytes(body) {
  return zlib.gzipSync(body).length;
}

/** The libraries of LIBRARY_MARKERS whose marker the text contains. */
function librariesIn(text) {
  return Object.entries(LIBRARY_MARKERS)
    .filter(([, marker]) => text.includes(marker))
    .map(([name]) => name);
}

/** One loaded script, measured. */
function describeScript(url, body) {
  const text = body.toString("utf8");
  return { url, rawBytes: body.length, gzipBytes: gzipBytes(body), libraries: librariesIn(text) };
}

/** The scripts a page's HTML makes a modern browser load (nomodule polyfills excluded), measured. */
async function pageJavaScript(pageUrl, { cookie } = {}) {
  const response = await fetch(pageUrl, { headers: cookie ? { cookie } : {}, redirect: "manual" });
  if (response.status !== 200) throw new Error(`${pageUrl} answered ${response.status}`);
  const html = await response.text();
  const sources = new Set();
  for (const [, attributes] of html.matchAll(/<script\b([^>]*)>/gi)) {
    if (/\bnomodule\b/i.test(attributes)) continue;
    const src = /\bsrc="([^"]+)"/i.exec(attributes)?.[1];
    if (src) sources.add(new URL(src.replaceAll("&amp;", "&"), pageUrl).toString());
  }
  const scripts = [];
  for (const src of sources) scripts.push(describeScript(src, Buffer.from(await (await fetch(src)).arrayBuffer())));
  return summarize(scripts);
}

/** Totals over a page's scripts and the libraries any of them carries. */
function summarize(scripts) {
  return {
    scripts,
    rawBytes: scripts.reduce((sum, s) => sum + s.rawBytes, 0),
    gzipBytes: scripts.reduce((sum, s) => sum + s.gzipBytes, 0),
    libraries: [...new Set(scripts.flatMap((s) => s.libraries))].sort(),
  };
}

const kB = (bytes) => `${(bytes / 1e3).toFixed(1)} kB`;

async function main() {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { cookie: { type: "string" } } });
  if (positionals.length === 0) throw new Error("usage: node scripts/page-javascript.cjs URL [PATH …] [--cookie 'name=value']");
  const origin = new URL(positionals[0]);
  for (const target of positionals) {
    const url = new URL(target, origin);
    const page = await pageJavaScript(url.toString(), { cookie: values.cookie });
    console.log(`${url.pathname}: ${page.scripts.length} scripts, ${kB(page.rawBytes)} raw, ${kB(page.gzipBytes)} gzipped; libraries: ${page.libraries.join(", ") || "none listed"}`);
    for (const script of page.scripts) {
      console.log(`  ${kB(script.gzipBytes).padStart(9)} gz ${kB(script.rawBytes).padStart(9)} raw  ${new URL(script.url).pathname}${script.libraries.length ? `  [${script.libraries.join(", ")}]` : ""}`);
    }
  }
}

module.exports = { LIBRARY_MARKERS, gzipBytes, librariesIn, describeScript, summarize, pageJavaScript };

if (require.main === module) {
  main().catch((error) => {
    console.error(error?.message ?? error);
    process.exitCode = 1;
  });
}
