// The seeded analysis's lead image, drawn here (no agency photo, no font
// needed): a stylised map of the Bosphorus with a marker on the European
// shore at Dolmabahçe, where the delegations met. Rendered by sharp and
// stored through the same pipeline as any upload.
import sharp from "sharp";

export const BOSPHORUS_GRAPHIC = {
  alt: "A stylised map of the Bosphorus strait in Istanbul, with a red marker on the European shore at the Dolmabahçe office",
  caption: "Dolmabahçe, on the European shore of the Bosphorus, where the delegations met on 16 May 2025",
  credit: "Newsroom graphics",
} as const;

const SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900" viewBox="0 0 1600 900">
  <rect width="1600" height="900" fill="#bfd8e6"/>
  <path d="M0 0H700C690 120 640 200 660 300C690 420 600 470 560 560C520 650 600 760 540 900H0Z" fill="#efe8d8"/>
  <path d="M1600 0H930C900 110 960 220 900 330C850 430 920 520 880 620C850 700 900 800 860 900H1600Z" fill="#efe8d8"/>
  <path d="M700 0C690 120 640 200 660 300C690 420 600 470 560 560C520 650 600 760 540 900" fill="none" stroke="#c9bfa6" stroke-width="6"/>
  <path d="M930 0C900 110 960 220 900 330C850 430 920 520 880 620C850 700 900 800 860 900" fill="none" stroke="#c9bfa6" stroke-width="6"/>
  <g fill="#ddd3bd">
    <rect x="120" y="90" width="180" height="120" rx="14"/><rect x="340" y="160" width="140" height="90" rx="14"/>
    <rect x="160" y="300" width="260" height="150" rx="14"/><rect x="90" y="540" width="220" height="130" rx="14"/>
    <rect x="330" y="640" width="150" height="160" rx="14"/><rect x="1080" y="120" width="240" height="130" rx="14"/>
    <rect x="1200" y="330" width="200" height="170" rx="14"/><rect x="1010" y="560" width="170" height="140" rx="14"/>
    <rect x="1260" y="640" width="230" height="160" rx="14"/>
  </g>
  <path d="M560 560C640 600 720 590 790 610" fill="none" stroke="#8fb3c7" stroke-width="10" stroke-dasharray="22 16"/>
  <circle cx="600" cy="455" r="46" fill="#a3262a" fill-opacity="0.18"/>
  <circle cx="600" cy="455" r="22" fill="#a3262a" stroke="#fff" stroke-width="8"/>
  <path d="M1450 90l30 80h-60z" fill="#1b1f24"/><rect x="1445" y="170" width="10" height="60" fill="#1b1f24"/>
</svg>`;

/** The graphic as a PNG file, as an upload would bring it. */
export function bosphorusGraphicPng(): Promise<Buffer> {
  return sharp(Buffer.from(SVG)).png({ compressionLevel: 9 }).toBuffer();
}
