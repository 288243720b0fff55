// Reorders the string table of the parameterization graph Prisma embeds in the generated client
// (src/store/generated/internal/class.ts), so that the names used most as edge keys get the
// smallest numbers. Prisma's runtime turns the graph into one object per input type keyed by
// those numbers, and V8 gives each such object room for every number up to its largest key: with
// Prisma's order (first seen) an input type's keys average ~330 and the objects take 6.3 MiB of an
// idle server's heap; sorted by use they average ~65 and take 1.9 MiB (issue 18). Nothing else
// changes: the same graph, its numbers renamed.
//
// The graph's encoding is Prisma's internal format (the parameterization schema deserializer in
// @prisma/client/runtime/client.mjs), read here as Prisma FORMAT_CHECKED writes and reads it. The
// rewrite runs only for those versions of both the generator and the runtime, and only when the
// graph decodes exactly (every byte read, every number in range, re-encoding it unchanged gives
// the same text); otherwise it warns and leaves the client as Prisma wrote it, which works and
// only costs the memory. tests/store/param-graph.test.ts fails then, so an upgrade is noticed:
// check the deserializer still reads what decodeGraph reads, then add the version.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** Prisma versions (major.minor) whose graph format decodeGraph follows. */
export const FORMAT_CHECKED = ['7.10'];

export const MARKER = '// Parameterization strings ordered by use: scripts/param-graph.mjs (issue 18).';
const SCHEMA = /^config\.parameterizationSchema = \{\n {2}strings: JSON\.parse\(("(?:[^"\\\n]|\\.)*")\),\n {2}graph: "([A-Za-z0-9_-]*)"\n\}$/m;

/** The graph as numbers: nodes with edges keyed by string index, and the roots. */
export function decodeGraph(graph, stringCount) {
  const bytes = Buffer.from(graph, 'base64url');
  let at = 0;
  const byte = () => {
    if (at >= bytes.length) throw new Error('graph ends early');
    return bytes[at++];
  };
  const varint = () => {
    let value = 0;
    let shift = 0;
    let b;
    do {
      b = byte();
      value += (b & 127) * 2 ** shift;
      shift += 7;
    } while (b >= 128);
    return value;
  };
  const string = () => {
    const index = varint();
    if (index >= stringCount) throw new Error(`string ${index} out of range`);
    return index;
  };
  const optionalString = () => {
    const value = varint();
    if (value > stringCount) throw new Error(`string ${value - 1} out of range`);
    return value;
  };
  const inputCount = varint();
  const outputCount = varint();
  const rootCount = varint();
  const inputs = [];
  for (let n = 0; n < inputCount; n++) {
    const edges = [];
    for (let count = varint(), e = 0; e < count; e++) {
      edges.push({ key: string(), scalarMask: byte() | (byte() << 8), child: varint(), enumName: optionalString(), flags: byte() });
    }
    inputs.push(edges);
  }
  const outputs = [];
  for (let n = 0; n < outputCount; n++) {
    const edges = [];
    for (let count = varint(), e = 0; e < count; e++) edges.push({ key: string(), args: varint(), output: varint() });
    outputs.push(edges);
  }
  const roots = [];
  for (let n = 0; n < rootCount; n++) roots.push({ name: string(), args: varint(), output: varint() });
  if (at !== bytes.length) throw new Error(`${bytes.length - at} bytes left after the graph`);
  return { inputs, outputs, roots };
}

/** The graph back to Prisma's encoding, with string index i written as rename[i]. */
export function encodeGraph({ inputs, outputs, roots }, rename = (i) => i) {
  const out = [];
  const varint = (value) => {
    let v = value;
    while (v >= 128) {
      out.push((v % 128) | 128);
      v = Math.floor(v / 128);
    }
    out.push(v);
  };
  // Optional string indexes are written plus one, 0 meaning none.
  const optionalString = (value) => varint(value === 0 ? 0 : rename(value - 1) + 1);
  varint(inputs.length);
  varint(outputs.length);
  varint(roots.length);
  for (const edges of inputs) {
    varint(edges.length);
    for (const edge of edges) {
      varint(rename(edge.key));
      out.push(edge.scalarMask & 255, edge.scalarMask >> 8);
      varint(edge.child);
      optionalString(edge.enumName);
      out.push(edge.flags);
    }
  }
  for (const edges of outputs) {
    varint(edges.length);
    for (const edge of edges) {
      varint(rename(edge.key));
      varint(edge.args);
      varint(edge.output);
    }
  }
  for (const root of roots) {
    varint(rename(root.name));
    varint(root.args);
    varint(root.output);
  }
  return Buffer.from(out).toString('base64url');
}

/** The strings sorted by how many edges use them as keys (most first; ties by name, so any order gives the same). */
export function orderByUse(strings, graph) {
  const uses = new Array(strings.length).fill(0);
  for (const edges of [...graph.inputs, ...graph.outputs]) for (const edge of edges) uses[edge.key]++;
  const order = [...strings.keys()].sort((a, b) => uses[b] - uses[a] || (strings[a] < strings[b] ? -1 : 1));
  const rename = new Array(strings.length);
  order.forEach((old, i) => {
    rename[old] = i;
  });
  return { strings: order.map((i) => strings[i]), rename: (i) => rename[i] };
}

/** The graph with its string numbers replaced by the strings: what the runtime looks things up by. */
export function byName(strings, { inputs, outputs, roots }) {
  return {
    inputs: inputs.map((edges) => edges.map((edge) => ({ ...edge, key: strings[edge.key], enumName: edge.enumName === 0 ? null : strings[edge.enumName - 1] }))),
    outputs: outputs.map((edges) => edges.map((edge) => ({ ...edge, key: strings[edge.key] }))),
    roots: roots.map((root) => ({ ...root, name: strings[root.name] })),
  };
}

/** The parameterization schema in a generated class.ts, or why it is not there as expected. */
export function readSchema(source) {
  const match = SCHEMA.exec(source);
  if (!match) return { error: 'no config.parameterizationSchema = { strings: JSON.parse("…"), graph: "…" }' };
  try {
    const strings = JSON.parse(JSON.parse(match[1]));
    if (!Array.isArray(strings) || strings.some((s) => typeof s !== 'string')) return { error: 'the strings are not an array of strings' };
    // The runtime finds a name's number through a map from name to number: a repeated name would be ambiguous.
    if (new Set(strings).size !== strings.length) return { error: 'the strings repeat' };
    const graph = decodeGraph(match[2], strings.length);
    if (encodeGraph(graph) !== match[2]) return { error: 'the graph does not re-encode to itself' };
    return { strings, graph, encoded: match[2] };
  } catch (error) {
    return { error: error.message };
  }
}

/** The installed @prisma/client, whose runtime reads the graph. */
export function runtimeVersion() {
  return createRequire(import.meta.url)('@prisma/client/package.json').version;
}

const minor = (version) => /^(\d+\.\d+)\./.exec(version ?? '')?.[1];

/** class.ts with its schema's strings ordered by use, or an error saying why it was left. */
export function compactSchema(source, runtime = runtimeVersion()) {
  const generator = /"clientVersion": "([^"]+)"/.exec(source)?.[1];
  for (const [what, version] of [
    ['the generated client', generator],
    ['@prisma/client', runtime],
  ]) {
    if (!FORMAT_CHECKED.includes(minor(version))) return { error: `${what} is Prisma ${version ?? '(unknown)'}, not a version whose graph format was checked (${FORMAT_CHECKED.join(', ')})` };
  }
  const schema = readSchema(source);
  if (schema.error) return schema;
  const { strings, rename } = orderByUse(schema.strings, schema.graph);
  const graph = encodeGraph(schema.graph, rename);
  if (JSON.stringify(byName(strings, decodeGraph(graph, strings.length))) !== JSON.stringify(byName(schema.strings, schema.graph))) {
    return { error: 'the reordered graph does not read the same' };
  }
  const text = `${MARKER}\nconfig.parameterizationSchema = {\n  strings: JSON.parse(${JSON.stringify(JSON.stringify(strings))}),\n  graph: "${graph}"\n}`;
  const rest = source.replace(`${MARKER}\n`, '');
  return { source: rest.replace(SCHEMA, () => text) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = process.argv[2] ?? fileURLToPath(new URL('../src/store/generated/internal/class.ts', import.meta.url));
  const result = compactSchema(readFileSync(file, 'utf8'));
  if (result.error) {
    console.warn(`param-graph: left ${file} as Prisma wrote it (${result.error}); Prisma works, its parameterization graph only takes ~4 MiB more memory.`);
  } else {
    writeFileSync(file, result.source);
  }
}
