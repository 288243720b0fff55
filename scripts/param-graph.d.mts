// Types for scripts/param-graph.mjs (plain JavaScript: it runs at install, before any compiler).
export interface InputEdge {
  key: number;
  scalarMask: number;
  child: number;
  /** A string index plus one; 0 for none. */
  enumName: number;
  flags: number;
}
export interface OutputEdge {
  key: number;
  args: number;
  output: number;
}
export interface Graph {
  inputs: InputEdge[][];
  outputs: OutputEdge[][];
  roots: Array<{ name: number; args: number; output: number }>;
}
export const MARKER: string;
export const FORMAT_CHECKED: string[];
export function decodeGraph(graph: string, stringCount: number): Graph;
export function encodeGraph(graph: Graph, rename?: (index: number) => number): string;
export function byName(strings: string[], graph: Graph): unknown;
export function orderByUse(strings: string[], graph: Graph): { strings: string[]; rename: (index: number) => number };
export function readSchema(source: string): { error: string } | { error?: undefined; strings: string[]; graph: Graph; encoded: string };
export function runtimeVersion(): string;
export function compactSchema(source: string, runtime?: string): { error: string } | { error?: undefined; source: string };
