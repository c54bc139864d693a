// `npm run bench:articles`: what an article costs. Two figures, written to
// docs/benchmarks-articles.md with the machine, date and commit:
//   1. upload processing of a 12-megapixel JPEG (made here with sharp: no
//      photo is shipped), through the same processImage() an upload runs;
//   2. the published page's size: its HTML, and the image bytes a phone and
//      a laptop download for it, by the browser's own srcset rule.
// Runs in this process (no server, no database): both are CPU and bytes.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type { JSONContent } from "@tiptap/core";
import sharp from "sharp";
import { FIGURE_SIZES, figureAttrs, figureImageAttributes } from "../lib/editor/Figure";
import { withLeadFigureFirst } from "../server/publishing/leadFigure";
import type { PublicationRow } from "../server/publishing/publicArticle";
import { renderArticleHtml } from "../server/publishing/renderArticleHtml";
import { renderArticlePage } from "../server/publishing/renderArticlePage";
import { processImage, type ProcessedImage } from "../server/media/processImage";
import { BOSPHORUS_GRAPHIC, bosphorusGraphicPng } from "../server/seed/bosphorusGraphic";
import { istanbulTalksAnalysis, ISTANBUL_ANALYSIS_TITLE } from "../server/seed/istanbulTalksAnalysis";
import { REPO_DIR } from "./childProcess";
import { describeMachine } from "./machine";

const RUNS = Number(process.env.BENCH_ARTICLE_RUNS ?? 5);
const OUTPUT = path.join(REPO_DIR, "docs", "benchmarks-articles.md");

/**
 * A photo-like 4000 × 3000 JPEG with EXIF: gradients and shapes, plus texture
 * at two scales — grain made at a quarter of the size and enlarged (detail
 * that survives scaling to 1600 px, as foliage, fabric or stone do) and fine
 * grain at full size (sensor noise). Pure noise would compress unlike any
 * photo; smooth shapes alone would make renditions unrealistically small.
 */
async function twelveMegapixelJpeg(): Promise<Buffer> {
  const width = 4000;
  const height = 3000;
  const texture = await sharp({ create: { width: width / 8, height: height / 8, channels: 3, background: "#000", noise: { type: "gaussian", mean: 128, sigma: 45 } } })
    .png()
    .toBuffer();
  const coarse = await sharp(texture).resize(width, height, { kernel: "cubic" }).raw().toBuffer();
  const fine = await sharp({ create: { width, height, channels: 3, background: "#000", noise: { type: "gaussian", mean: 128, sigma: 12 } } })
    .raw()
    .toBuffer();
  const scene = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#6b9ac4"/><stop offset="0.55" stop-color="#d9c9a3"/><stop offset="1" stop-color="#3d4a3a"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/><circle cx="2900" cy="900" r="420" fill="#f2e6c9" opacity="0.8"/><rect x="400" y="1700" width="1800" height="700" fill="#5a4632" opacity="0.7"/><rect x="2300" y="1500" width="1300" height="1100" fill="#8c8577" opacity="0.6"/></svg>`,
  );
  return sharp(scene)
    .composite([
      { input: coarse, raw: { width, height, channels: 3 }, blend: "overlay" },
      { input: fine, raw: { width, height, channels: 3 }, blend: "soft-light" },
    ])
    .jpeg({ quality: 88 })
    .withExif({ IFD0: { Make: "Bench", Model: "12MP", Copyright: "Newsroom benchmark" } })
    .toBuffer();
}

type Timing = { ms: number; rssDeltaMB: number };

async function timeProcessing(bytes: Buffer): Promise<{ timings: Timing[]; image: ProcessedImage }> {
  const timings: Timing[] = [];
  let image: ProcessedImage | undefined;
  for (let run = 0; run < RUNS; run++) {
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    const started = performance.now();
    image = await processImage(bytes);
    const ms = performance.now() - started;
    clearInterval(sampler);
    timings.push({ ms, rssDeltaMB: (Math.max(peak, process.memoryUsage().rss) - rssBefore) / 2 ** 20 });
  }
  return { timings, image: image! };
}

/** The candidate a browser takes from a srcset for a slot `slotCssPx` wide at `dpr`: the smallest at least as wide, else the largest. */
function pickFromSrcset(srcset: string, slotCssPx: number, dpr: number): { url: string; width: number } {
  const candidates = srcset
    .split(",")
    .map((part) => part.trim().split(/\s+/))
    .map(([url, descriptor]) => ({ url: url!, width: Number(descriptor!.replace(/w$/, "")) }))
    .sort((a, b) => a.width - b.width);
  const needed = slotCssPx * dpr;
  return candidates.find((candidate) => candidate.width >= needed) ?? candidates[candidates.length - 1]!;
}

/** The slot FIGURE_SIZES gives on a viewport `viewportCssPx` wide ("(max-width: 44rem) 100vw, 42rem", 1rem = 16 px). */
function slotWidth(viewportCssPx: number): number {
  if (!FIGURE_SIZES.startsWith("(max-width: 44rem) 100vw, 42rem")) throw new Error(`FIGURE_SIZES changed (${FIGURE_SIZES}): update slotWidth`);
  return viewportCssPx <= 44 * 16 ? viewportCssPx : 42 * 16;
}

const DEVICES = [
  { name: "phone (390 CSS px, 3× screen)", viewport: 390, dpr: 3 },
  { name: "laptop (1366 CSS px, 1× screen)", viewport: 1366, dpr: 1 },
  { name: "laptop (1440 CSS px, 2× screen)", viewport: 1440, dpr: 2 },
];

type PageFigures = { html: string; figures: { hash: string; width: number; lead: boolean; srcset: string }[] };

function publishedPage(content: JSONContent): PageFigures {
  const json = withLeadFigureFirst(content);
  const publication = {
    slug: "istanbul-talks",
    version: 1,
    dek: null,
    headline: ISTANBUL_ANALYSIS_TITLE,
    html: renderArticleHtml(json),
    json,
    note: null,
    publishAt: new Date("2026-05-17T09:00:00Z"),
    bylineName: "Ayşe Demir",
    section: "Analysis",
    tags: ["Ukraine", "Russia", "Türkiye"],
  } as unknown as PublicationRow;
  const html = renderArticlePage(publication, [publication], "https://newsroom.example");
  const figures: PageFigures["figures"] = [];
  const visit = (node: JSONContent) => {
    if (node.type === "figure") {
      const attrs = figureAttrs({ attrs: node.attrs ?? {} });
      figures.push({ hash: attrs.hash, width: attrs.width, lead: attrs.lead, srcset: figureImageAttributes(attrs).srcset! });
    }
    node.content?.forEach(visit);
  };
  visit(json);
  return { html, figures };
}

function imageBytes(page: PageFigures, images: Map<string, ProcessedImage>, viewport: number, dpr: number) {
  let firstView = 0;
  let all = 0;
  const picked: string[] = [];
  for (const figure of page.figures) {
    const choice = pickFromSrcset(figure.srcset, slotWidth(viewport), dpr);
    const variant = choice.url.split("/").pop()!;
    const bytes = images.get(figure.hash)!.renditions.find((rendition) => rendition.variant === variant)!.bytes.length;
    picked.push(`${variant} px`);
    all += bytes;
    // The lead image is eager (the hero); the others are lazy, loaded near the screen.
    if (figure.lead) firstView += bytes;
  }
  return { firstView, all, picked };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main() {
  const machine = describeMachine();
  console.log(`[articles] ${machine.cpuModel} × ${machine.cores}, load ${machine.loadAverage}; ${RUNS} runs`);

  const jpeg = await twelveMegapixelJpeg();
  const jpegMeta = await sharp(jpeg).metadata();
  console.log(`[articles] 12-MP JPEG: ${jpegMeta.width} × ${jpegMeta.height}, ${kb(jpeg.length)}`);
  const { timings, image: photo } = await timeProcessing(jpeg);
  const processMs = timings.map((timing) => timing.ms);
  console.log(`[articles] processImage: median ${median(processMs).toFixed(0)} ms`);

  const graphic = await processImage(await bosphorusGraphicPng());
  const images = new Map([
    [photo.hash, photo],
    [graphic.hash, graphic],
  ]);
  const figure = (image: ProcessedImage, lead: boolean, text: Record<string, string>) => ({
    type: "figure",
    attrs: { hash: image.hash, width: image.width, height: image.height, ...text, lead },
  });
  const seeded = { ...istanbulTalksAnalysis, content: [figure(graphic, true, BOSPHORUS_GRAPHIC), ...(istanbulTalksAnalysis.content ?? [])] };
  const body = istanbulTalksAnalysis.content ?? [];
  const withPhoto = {
    ...istanbulTalksAnalysis,
    content: [
      figure(photo, true, { alt: "Delegations outside the Dolmabahçe office", caption: "Istanbul, 16 May 2025", credit: "Benchmark photo" }),
      ...body.slice(0, 6),
      figure(graphic, false, BOSPHORUS_GRAPHIC),
      ...body.slice(6),
    ],
  };
  const pages = [
    { name: "the seeded analysis (lead: the Bosphorus graphic)", page: publishedPage(seeded) },
    { name: "the same with the 12-MP photo as lead, the graphic further down", page: publishedPage(withPhoto) },
  ];

  const rows = timings.map((timing, index) => `| ${index + 1} | ${timing.ms.toFixed(0)} ms | ${timing.rssDeltaMB.toFixed(0)} MB |`);
  const renditions = photo.renditions.map((rendition) => `| ${rendition.variant} | ${rendition.contentType} | ${rendition.width} × ${rendition.height} | ${kb(rendition.bytes.length)} |`);
  const pageRows = pages.flatMap(({ name, page }) => {
    const htmlBytes = Buffer.byteLength(page.html);
    return DEVICES.map((device) => {
      const bytes = imageBytes(page, images, device.viewport, device.dpr);
      return `| ${name} | ${device.name} | ${kb(htmlBytes)} (${kb(gzipSync(page.html).length)} gzip) | ${bytes.picked.join(", ")} | ${kb(bytes.firstView)} | ${kb(bytes.all)} |`;
    });
  });

  const report = `# Benchmarks: articles

<!-- Generated by \`npm run bench:articles\` (bench/articles.ts). A run rewrites this whole file. -->

What an article costs: processing an uploaded photo, and the published page's weight. The sync
server's figures are in [benchmarks.md](benchmarks.md).

## Machine

|  |  |
|---|---|
| date | ${machine.date} |
| commit | ${machine.commit} |
| CPU | ${machine.cpuModel}, ${machine.cores} cores (shared with other work) |
| memory | ${machine.memoryGiB} GiB |
| OS | ${machine.os} |
| Node | ${machine.node}, sharp ${sharp.versions.sharp}, libvips ${sharp.versions.vips} |
| 1-min load average at start | ${machine.loadAverage} |

## Upload processing of a 12-megapixel JPEG

The input is made at bench time with sharp: ${jpegMeta.width} × ${jpegMeta.height}, JPEG quality 88, with EXIF,
${kb(jpeg.length)} — a photo-like picture (gradients and shapes with texture at two scales, so it
compresses roughly like a detailed photo, neither like noise nor like a flat graphic). \`processImage()\` is what \`POST /api/documents/:id/media\` runs: byte
sniffing, the pixel bound, one decode, orientation, metadata stripped, scaled to 1600 px, WebP at
480/960/1600 px and the original format. ${RUNS} runs, one after another; at most two decodes run at once in
the server.

| run | time | peak RSS growth |
|---|---|---|
${rows.join("\n")}

**Median ${median(processMs).toFixed(0)} ms** (min ${Math.min(...processMs).toFixed(0)}, max ${Math.max(...processMs).toFixed(0)}).
The first run includes loading libvips' codecs. What is stored:

| variant | type | size | bytes |
|---|---|---|---|
${renditions.join("\n")}

Stored in total: ${kb(photo.renditions.reduce((sum, rendition) => sum + rendition.bytes.length, 0))} for a ${kb(jpeg.length)} upload.

## The published page's size

The published page (\`renderArticlePage\`, the same HTML \`/p/<slug>\` serves: no JavaScript, one
inline stylesheet) of the seeded analysis (about 1,900 words, a table, a card). Image bytes are
those of the rendition the browser picks from the figure's \`srcset\` with \`sizes="${FIGURE_SIZES}"\`
(the smallest candidate at least as wide as the slot × the screen's pixel ratio). *First view* is
the lead image (eager, the hero); *whole page* adds the lazy figures further down once scrolled
to.

| page | device | HTML | rendition picked | images, first view | images, whole page |
|---|---|---|---|---|---|
${pageRows.join("\n")}

Reproduce: \`npm run bench:articles\` (\`BENCH_ARTICLE_RUNS\` sets the number of processing runs;
default 5). It needs no database and no server.
`;
  writeFileSync(OUTPUT, report);
  console.log(`[articles] wrote ${path.relative(REPO_DIR, OUTPUT)}`);
}

await main();
