// The pieces every chart is drawn with: escaping, a standalone SVG document, text that fits, and
// the colours. Charts are strings, not DOM, so the same SVG goes into a report page, a browser and
// the server's PNG renderer (resvg with DejaVu Sans): the font is named first so all three measure
// text alike. Everything a user wrote (a poll's title, an option's label) passes through `escapeMarkup`.

/** Text made safe for HTML and SVG, in element content and in quoted attributes alike. */
export function escapeMarkup(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');
}

export const FONT = 'DejaVu Sans, sans-serif';
export const INK = '#1f2328';
export const MUTED = '#59636e';
export const GRID = '#d1d9e0';
/** Okabe–Ito colours: told apart by people with the common colour-vision deficiencies, and in greyscale print by their order of lightness. */
export const PALETTE = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#f0e442', '#999999'] as const;

export const colourOf = (index: number): string => PALETTE[index % PALETTE.length]!;

/** DejaVu Sans averages a little under 0.6 em a character; a safe guess keeps labels inside. */
export const textWidth = (text: string, size: number): number => [...text].length * size * 0.6;

/** Text shortened with … to fit `width` at `size`; the whole text goes into the element's <title>. */
export function fitted(text: string, width: number, size: number): string {
  const chars = [...text];
  const room = Math.max(1, Math.floor(width / (size * 0.6)));
  return chars.length <= room ? text : `${chars.slice(0, Math.max(1, room - 1)).join('')}…`;
}

/** A number in an attribute: short, and never "NaN" (a bad input draws at 0 rather than breaking the SVG). */
export const at = (value: number): string => (Number.isFinite(value) ? String(Math.round(value * 10) / 10) : '0');

type Attributes = Record<string, string | number | undefined>;

function attributes(attrs: Attributes): string {
  return Object.entries(attrs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${typeof v === 'number' ? at(v) : escapeMarkup(v!)}"`)
    .join('');
}

/** An element; `content` is markup already (escape text with `label`). */
export function element(name: string, attrs: Attributes, content?: string): string {
  return content === undefined ? `<${name}${attributes(attrs)}/>` : `<${name}${attributes(attrs)}>${content}</${name}>`;
}

/** A line of text, shortened to `width` when given, with the whole text as its tooltip when shortened. */
export function label(text: string, attrs: Attributes & { x: number; y: number }, options: { size?: number; width?: number } = {}): string {
  const size = options.size ?? 12;
  const shown = options.width === undefined ? text : fitted(text, options.width, size);
  const tooltip = shown === text ? '' : `<title>${escapeMarkup(text)}</title>`;
  return element('text', { 'font-size': size, fill: INK, ...attrs }, `${tooltip}${escapeMarkup(shown)}`);
}

/** A white outline under text, so a value and a reference line's label stay readable where they cross. */
export const HALO = { 'paint-order': 'stroke', stroke: '#ffffff', 'stroke-width': 3, 'stroke-linejoin': 'round' } as const;

/**
 * Diagonal stripes for a hidden cell, defined once per chart under an id of the chart's own: a page
 * holds many charts, and an id must be unique in it. The id is a hash of the chart's input, so a
 * chart stays a pure function of what it is given.
 */
export function hatch(input: unknown): { id: string; defs: string } {
  const text = JSON.stringify(input) ?? '';
  let hash = 5381;
  for (let i = 0; i < text.length; i++) hash = ((hash * 33) ^ text.charCodeAt(i)) >>> 0;
  const id = `hidden-hatch-${hash.toString(36)}`;
  return {
    id,
    defs: `<defs><pattern id="${id}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="6" stroke="${GRID}" stroke-width="3"/></pattern></defs>`,
  };
}

/** A standalone SVG document: its own namespace, size and viewBox, a title for assistive technology and the font. */
export function svgDocument(size: { width: number; height: number }, title: string, body: string): string {
  const { width, height } = size;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeMarkup(title)}" font-family="${FONT}">` +
    `<title>${escapeMarkup(title)}</title><rect width="${width}" height="${height}" fill="#ffffff"/>${body}</svg>`
  );
}

/** The chart's title line at the top left. */
export const heading = (title: string, width: number): string => label(title, { x: 16, y: 24, 'font-weight': 'bold' }, { size: 15, width: width - 32 });
