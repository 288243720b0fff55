// The parameterization graph in the generated client, its strings reordered by use
// (scripts/param-graph.mjs, issue 18: idle memory). With the installed Prisma the rewrite must
// have run: if an upgrade changes the version or the format, generate leaves the graph as Prisma
// wrote it (only costing memory) and this test is where that shows. The rewrite renames numbers
// and nothing else, and refuses a graph it cannot read exactly.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { byName, compactSchema, encodeGraph, FORMAT_CHECKED, MARKER, orderByUse, readSchema, runtimeVersion, type Graph } from '../../scripts/param-graph.mjs';

const GENERATED = readFileSync(new URL('../../src/store/generated/internal/class.ts', import.meta.url), 'utf8');

function schemaOf(source: string): { strings: string[]; graph: Graph; encoded: string } {
  const schema = readSchema(source);
  if (schema.error !== undefined) throw new Error(schema.error);
  return schema;
}

/** The generated class.ts with the schema's strings in another order (the same graph, renumbered). */
function reordered(order: (strings: string[]) => number[]): string {
  const { strings, graph } = schemaOf(GENERATED);
  const newOrder = order(strings);
  const position = new Map(newOrder.map((old, i) => [old, i]));
  const text = `config.parameterizationSchema = {\n  strings: JSON.parse(${JSON.stringify(JSON.stringify(newOrder.map((i) => strings[i])))}),\n  graph: "${encodeGraph(graph, (i) => position.get(i)!)}"\n}`;
  return GENERATED.replace(`${MARKER}\n`, '').replace(/^config\.parameterizationSchema = \{\n[^\n]*\n[^\n]*\n\}$/m, () => text);
}

describe('the generated parameterization graph', () => {
  it(`has its strings ordered by use, with the installed Prisma (${runtimeVersion()})`, () => {
    expect(FORMAT_CHECKED).toContain(runtimeVersion().split('.').slice(0, 2).join('.'));
    expect(GENERATED).toContain(MARKER);
    const { strings, graph } = schemaOf(GENERATED);
    expect(orderByUse(strings, graph).strings).toEqual(strings);
    // What the order buys: each input type's largest key is small, so its object is small.
    const largest = graph.inputs.map((edges) => Math.max(0, ...edges.map((e) => e.key)));
    expect(largest.reduce((a, b) => a + b, 0) / largest.length).toBeLessThan(100);
  });
});

describe('compactSchema', () => {
  it("renames the strings' numbers and nothing else: the graph reads the same by name", () => {
    const { strings, graph } = schemaOf(GENERATED);
    // Reversed: as far from the order by use as it gets.
    const reversed = reordered((s) => [...s.keys()].reverse());
    const before = schemaOf(reversed);
    expect(before.strings).not.toEqual(strings);
    const result = compactSchema(reversed);
    if (result.error !== undefined) throw new Error(result.error);
    const after = schemaOf(result.source);
    expect(after.strings).toEqual(strings);
    expect(byName(after.strings, after.graph)).toEqual(byName(strings, graph));
    expect(byName(before.strings, before.graph)).toEqual(byName(strings, graph));
    // Only the schema changed, and running it again changes nothing.
    expect(result.source.replace(/^config\.parameterizationSchema = \{\n[^\n]*\n[^\n]*\n\}$/m, '')).toEqual(GENERATED.replace(/^config\.parameterizationSchema = \{\n[^\n]*\n[^\n]*\n\}$/m, ''));
    expect(compactSchema(result.source)).toEqual(result);
  });

  it('leaves a graph it cannot read exactly as it is, saying why', () => {
    const { encoded } = schemaOf(GENERATED);
    const withGraph = (graph: string) => GENERATED.replace(`graph: "${encoded}"`, `graph: "${graph}"`);
    const longer = Buffer.concat([Buffer.from(encoded, 'base64url'), Buffer.from([1])]).toString('base64url');
    const shorter = Buffer.from(encoded, 'base64url').subarray(0, -3).toString('base64url');
    expect(compactSchema(withGraph(longer))).toEqual({ error: '1 bytes left after the graph' });
    expect(compactSchema(withGraph(shorter)).error).toMatch(/ends early|out of range|left after/);
    expect(compactSchema(GENERATED.replace('config.parameterizationSchema = {', 'config.parameterizationSchema = { ')).error).toMatch(/no config.parameterizationSchema/);
  });

  it('leaves the graph of a Prisma version whose format was not checked', () => {
    expect(compactSchema(GENERATED, '8.0.0').error).toMatch(/@prisma\/client is Prisma 8.0.0/);
    expect(compactSchema(GENERATED.replace(/"clientVersion": "[^"]+"/, '"clientVersion": "7.99.0"')).error).toMatch(/generated client is Prisma 7.99.0/);
  });
});
