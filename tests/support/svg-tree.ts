// A strict little XML reader for the charts' SVG: enough to check structure in unit tests (every
// tag closed in order, attributes quoted, only the five entities), so a chart that a browser or
// resvg would refuse fails here first.
export interface Node {
  name: string;
  attrs: Record<string, string>;
  children: Node[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

function unescaped(text: string): string {
  return text.replace(/&([^;]*);/g, (_, name: string) => {
    const value = ENTITIES[name];
    if (value === undefined) throw new Error(`unknown entity &${name};`);
    return value;
  });
}

export function parseSvg(source: string): Node {
  const root: Node = { name: '#root', attrs: {}, children: [], text: '' };
  const stack: Node[] = [root];
  const token = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/g;
  for (const m of source.matchAll(token)) {
    const top = stack[stack.length - 1]!;
    if (m[6]) throw new Error(`bad markup at ${m.index}: ${source.slice(m.index, m.index + 40)}`);
    if (m[5] !== undefined) {
      if (/[<>]/.test(m[5])) throw new Error('stray bracket in text');
      top.text += unescaped(m[5]);
      continue;
    }
    const [, closing, name, rawAttrs, selfClosing] = m;
    if (closing) {
      if (top.name !== name) throw new Error(`</${name}> closes <${top.name}>`);
      stack.pop();
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of rawAttrs!.matchAll(/([\w:-]+)="([^"]*)"/g)) {
      if (a[1]! in attrs) throw new Error(`duplicate attribute ${a[1]}`);
      attrs[a[1]!] = unescaped(a[2]!);
    }
    const node: Node = { name: name!, attrs, children: [], text: '' };
    top.children.push(node);
    if (!selfClosing) stack.push(node);
  }
  if (stack.length !== 1) throw new Error(`<${stack[stack.length - 1]!.name}> never closed`);
  if (root.children.length !== 1) throw new Error('more than one root element');
  return root.children[0]!;
}

/** Every node below (and including) `node` that `match` accepts, in document order. */
export function findAll(node: Node, match: (n: Node) => boolean): Node[] {
  return [...(match(node) ? [node] : []), ...node.children.flatMap((c) => findAll(c, match))];
}

export const hasClass = (name: string) => (n: Node) => (n.attrs.class ?? '').split(' ').includes(name);

/** All text inside a node, its descendants' included. */
export const textOf = (node: Node): string => node.text + node.children.map(textOf).join('');
