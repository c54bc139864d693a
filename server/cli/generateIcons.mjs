// Renders the app's icons from public/icon.svg (the one drawing): the PNGs a
// phone's home screen and the web app manifest use, and favicon.ico for
// browsers and tools that ask for /favicon.ico. Run after changing the SVG:
//   node server/cli/generateIcons.mjs
// An .ico file may hold PNG images; it holds 16, 32 and 48 px ones here.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";

const publicDir = path.join(import.meta.dirname, "..", "..", "public");
const svg = await readFile(path.join(publicDir, "icon.svg"));
const png = (size) => sharp(svg, { density: (72 * size) / 32 }).resize(size, size).png({ compressionLevel: 9 }).toBuffer();

for (const [name, size] of [["icon-192.png", 192], ["icon-512.png", 512], ["apple-touch-icon.png", 180]]) {
  await writeFile(path.join(publicDir, name), await png(size));
}

const sizes = [16, 32, 48];
const images = await Promise.all(sizes.map(png));
const header = Buffer.alloc(6);
header.writeUInt16LE(0, 0); // reserved
header.writeUInt16LE(1, 2); // 1 = icon
header.writeUInt16LE(images.length, 4);
let offset = header.length + 16 * images.length;
const entries = images.map((image, index) => {
  const entry = Buffer.alloc(16);
  entry.writeUInt8(sizes[index], 0); // width
  entry.writeUInt8(sizes[index], 1); // height
  entry.writeUInt16LE(1, 4); // colour planes
  entry.writeUInt16LE(32, 6); // bits per pixel
  entry.writeUInt32LE(image.length, 8);
  entry.writeUInt32LE(offset, 12);
  offset += image.length;
  return entry;
});
await writeFile(path.join(publicDir, "favicon.ico"), Buffer.concat([header, ...entries, ...images]));
