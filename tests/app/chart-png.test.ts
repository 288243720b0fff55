// The chart renderer: a known chart's SVG becomes a PNG of twice its size, drawn (bars in their
// colour, text in DejaVu Sans from the package, not from the machine), and the few latest PNGs
// are kept so a picture fetched again is not drawn again.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { distributionChart, trendChart } from '../../src/core/reports/charts.ts';
import { PNG_SCALE, PngCache, renderPng } from '../../src/app/chart-png.ts';
import { decodePng, inkedPixels, pngSize } from '../support/png.ts';

const CHART = distributionChart({
  title: 'Jeg har haft det godt på arbejdet',
  language: 'da',
  bars: [
    { label: 'Helt enig', count: 6, share: 0.6 },
    { label: 'Enig', count: 4, share: 0.4 },
    { label: 'Uenig', count: null, share: null, hiddenReason: '– (skjult: færre end 5)' },
  ],
});

function pixel(image: ReturnType<typeof decodePng>, x: number, y: number): number[] {
  const at = (Math.round(y * PNG_SCALE) * image.width + Math.round(x * PNG_SCALE)) * image.channels;
  return [...image.pixels.subarray(at, at + 3)];
}

describe('renderPng', () => {
  it('draws a chart as a PNG of twice its size, with its bars and its text', async () => {
    const started = performance.now();
    const { png, width, height } = await renderPng(CHART.svg);
    const ms = performance.now() - started;
    expect(pngSize(png)).toEqual({ width: CHART.width * PNG_SCALE, height: CHART.height * PNG_SCALE });
    expect({ width, height }).toEqual(pngSize(png));
    const image = decodePng(png);
    // The first bar (60 %) is filled in the palette's first colour; past its end the track is pale.
    expect(pixel(image, 228 + 20, 48 + 15)).toEqual([0x00, 0x72, 0xb2]);
    expect(pixel(image, 228 + 0.6 * 280 + 20, 48 + 15)).not.toEqual([0x00, 0x72, 0xb2]);
    // Text is drawn: dark pixels in the labels' column and in the title, which only a loaded font makes.
    const dark = (x0: number, x1: number, y0: number, y1: number) => {
      let n = 0;
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (pixel(image, x, y).every((c) => c < 120)) n++;
      return n;
    };
    expect(dark(16, 220, 48, 48 + 3 * 30)).toBeGreaterThan(50);
    expect(dark(16, 400, 8, 30)).toBeGreaterThan(50);
    expect(inkedPixels(image)).toBeGreaterThan(image.width * image.height * 0.02);
    console.info(`chart PNG ${width}×${height}, ${png.length} bytes, drawn in ${ms.toFixed(1)} ms (first, with font loading)`);
  });

  it('draws the same SVG the same way every time', async () => {
    const [a, b] = await Promise.all([renderPng(CHART.svg), renderPng(CHART.svg)]);
    expect(a.png.equals(b.png)).toBe(true);
  });

  it('draws a score trend at twice its size too; how long each kind takes is logged', async () => {
    const trend = trendChart({
      title: 'Trivsel: gennemsnitlig score bølge for bølge',
      language: 'da',
      min: 0,
      max: 100,
      points: [
        { label: 'bølge 1', value: 53.3 },
        { label: 'bølge 2', value: null, hiddenReason: '– (skjult: færre end 5)' },
        { label: 'bølge 3', value: 73.3, marked: true },
      ],
      threshold: { value: 50, label: 'Grænsen' },
    });
    const { png } = await renderPng(trend.svg);
    expect(pngSize(png)).toEqual({ width: trend.width * PNG_SCALE, height: trend.height * PNG_SCALE });
    expect(inkedPixels(decodePng(png))).toBeGreaterThan(5000);
    for (const [kind, svg] of [
      ['distribution', CHART.svg],
      ['trend', trend.svg],
    ] as const) {
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        const started = performance.now();
        await renderPng(svg);
        times.push(performance.now() - started);
      }
      console.info(`${kind} chart PNG drawn in ${times.map((t) => t.toFixed(1)).join(', ')} ms`);
    }
  });
});

describe('PngCache', () => {
  it('draws a picture once for fetches that ask together or again, and keeps only the latest', async () => {
    const cache = new PngCache(2);
    const other = (n: number) => CHART.svg.replace('Jeg har haft det godt', `Spørgsmål ${n}`);
    const first = cache.png(CHART.svg);
    expect(cache.png(CHART.svg)).toBe(first);
    await first;
    cache.png(other(1));
    // Used again, the first is the most recent: the next one pushes out the second, not the first.
    expect(cache.png(CHART.svg)).toBe(first);
    cache.png(other(2));
    expect(cache.size).toBe(2);
    expect(cache.png(CHART.svg)).toBe(first);
    await Promise.all([cache.png(other(1)), cache.png(other(2))]);
  });
});

describe('resvg', () => {
  it('is not loaded when the app is, only when the first chart is drawn (issue 18: idle memory)', () => {
    // In a process of its own: the test workers share modules between files, and another file draws.
    const script = `import '../../src/app/app.ts';
      const { renderPng } = await import('../../src/app/chart-png.ts');
      const { distributionChart } = await import('../../src/core/reports/charts.ts');
      const resvg = () => process.report.getReport().sharedObjects.some((path) => /resvg/.test(path));
      const before = resvg();
      await renderPng(distributionChart({ title: 'T', language: 'da', bars: [{ label: 'A', count: 5, share: 1 }] }).svg);
      console.log(JSON.stringify({ before, after: resvg() }));`;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: import.meta.dirname, encoding: 'utf8', timeout: 60_000 });
    expect(JSON.parse(out.trim().split('\n').at(-1)!)).toEqual({ before: false, after: true });
  });
});
