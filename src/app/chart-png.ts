// Charts as PNG for the chat platforms (issue 19, point 2): the chart's SVG drawn by resvg with
// DejaVu Sans from the dejavu-fonts-ttf package and no system fonts, so a picture comes out the
// same on every machine, at twice the chart's size for sharp screens. resvg draws on libuv's
// thread pool (renderAsync), never on the event loop; the few latest pictures are kept, since
// Slack, Teams and each browser fetch the same picture several times. resvg is a native addon
// that costs 6-10 MiB of resident memory once loaded: it is loaded at the first picture, not at
// start, so a process that draws none does not carry it (issue 18: idle memory).
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const FONT_DIR = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const FONT = {
  fontFiles: [join(FONT_DIR, 'DejaVuSans.ttf'), join(FONT_DIR, 'DejaVuSans-Bold.ttf')],
  loadSystemFonts: false,
  defaultFontFamily: 'DejaVu Sans',
};

/** Pixels per point of the chart: a 640-point chart is a 1280-pixel PNG, shown 640 wide. */
export const PNG_SCALE = 2;

export interface ChartPng {
  png: Buffer;
  width: number;
  height: number;
}

/** The SVG as a PNG at PNG_SCALE, on a white background. */
export async function renderPng(svg: string): Promise<ChartPng> {
  const { renderAsync } = await import('@resvg/resvg-js');
  const image = await renderAsync(svg, { font: FONT, fitTo: { mode: 'zoom', value: PNG_SCALE }, background: '#ffffff', logLevel: 'off' });
  return { png: image.asPng(), width: image.width, height: image.height };
}

/** PNGs by the SVG they were drawn from, the least recently used dropped beyond `max` (about 40 KB each). */
export class PngCache {
  private readonly kept = new Map<string, Promise<ChartPng>>();

  constructor(private readonly max = 32) {}

  /** The SVG's PNG: drawn once, shared by fetches that ask while it is being drawn. */
  png(svg: string): Promise<ChartPng> {
    const key = createHash('sha256').update(svg).digest('base64url');
    const found = this.kept.get(key);
    if (found) {
      this.kept.delete(key);
      this.kept.set(key, found);
      return found;
    }
    const drawing = renderPng(svg);
    this.kept.set(key, drawing);
    // A drawing that failed is not kept: the next fetch tries again.
    drawing.catch(() => this.kept.get(key) === drawing && this.kept.delete(key));
    while (this.kept.size > this.max) this.kept.delete(this.kept.keys().next().value!);
    return drawing;
  }

  get size(): number {
    return this.kept.size;
  }
}
