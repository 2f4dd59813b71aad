import fc from 'fast-check';
import { NEWEST_KOPS, OLDEST_KOPS } from '../../server/src/engine';
import type { Seed } from './corpus';
import { applyMutation, mutationArb, type Mutation } from './mutations';

/**
 * A key typed on a line of its own (where completion offers the Cilium scenarios, or the whole-file starters in
 * an empty file): after line `after`, indented like `spec`'s keys, like the keys under `cilium:` (placed right
 * after that line) or by `indent` spaces; at the start of the line in a file of nothing but comments.
 */
export interface TypedKey {
  after: number;
  indent: 'spec' | 'cilium' | number;
  word: string;
}

/**
 * A case on the ground of issues 10–14: a Cluster with its InstanceGroups in one file, the InstanceGroups
 * linked to the Cluster in other ways, the oldest or newest release, v1alpha3, completion where a key is typed.
 */
export interface GroundCase {
  source: number;
  /** `orphan`: the first InstanceGroup names another cluster; `controlPlane`: one more control-plane group. */
  link: 'asIs' | 'orphan' | 'controlPlane';
  v1alpha3: boolean;
  release?: { of: 'oldest' | 'newest'; via: 'comment' | 'setting' };
  mutations: Mutation[];
  typed: TypedKey[];
  positions: Array<[number, number]>;
}

export const groundArb = (sources: number): fc.Arbitrary<GroundCase> =>
  fc.record(
    {
      source: fc.nat({ max: sources - 1 }),
      link: fc.constantFrom('asIs' as const, 'asIs' as const, 'orphan' as const, 'controlPlane' as const),
      v1alpha3: fc.boolean(),
      release: fc.record({
        of: fc.constantFrom('oldest' as const, 'newest' as const),
        via: fc.constantFrom('comment' as const, 'setting' as const),
      }),
      mutations: fc.array(mutationArb, { maxLength: 3 }),
      typed: fc.array(
        fc.record({
          after: fc.nat(),
          indent: fc.oneof(fc.constantFrom('spec' as const, 'cilium' as const), fc.integer({ min: 0, max: 8 })),
          word: fc.constantFrom('kops-cil', 'kops', 'k', ''),
        }),
        { minLength: 1, maxLength: 2 },
      ),
      positions: fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 3, maxLength: 3 }),
    },
    { requiredKeys: ['source', 'link', 'v1alpha3', 'mutations', 'typed', 'positions'] },
  );

const releaseTag = (of: 'oldest' | 'newest'): string => (of === 'oldest' ? OLDEST_KOPS : NEWEST_KOPS);

/** The `kops-version` setting the case runs with, if it sets one. */
export const groundSetting = (g: GroundCase): string | undefined => (g.release?.via === 'setting' ? releaseTag(g.release.of) : undefined);

const clusterName = (text: string): string =>
  /^kind: Cluster\s*$[\s\S]*?^ {2}name: (\S+)/m.exec(text)?.[1] ??
  /^metadata:\s*\n {2}name: (\S+)/m.exec(text)?.[1] ??
  'missing.example.com';

const controlPlaneGroup = (cluster: string, apiVersion: string): string =>
  [
    '---',
    `apiVersion: ${apiVersion}`,
    'kind: InstanceGroup',
    'metadata:',
    '  labels:',
    `    kops.k8s.io/cluster: ${cluster}`,
    '  name: control-plane-fuzz-1z',
    'spec:',
    '  machineType: m5.large',
    '  maxSize: 1',
    '  minSize: 1',
    '  role: Master',
    '  subnets:',
    '  - fuzz-1z',
    '',
  ].join('\n');

function relink(text: string, link: GroundCase['link']): string {
  if (link === 'orphan') return text.replace(/kops\.k8s\.io\/cluster: \S+/, 'kops.k8s.io/cluster: another.example.com');
  if (link === 'asIs') return text;
  const apiVersion = /^apiVersion: (\S+)/m.exec(text)?.[1] ?? 'kops.k8s.io/v1alpha2';
  return `${text}${text === '' || text.endsWith('\n') ? '' : '\n'}${controlPlaneGroup(clusterName(text), apiVersion)}`;
}

/** The file the case's user edits: its source relinked, in v1alpha3 and at a release. */
export function groundOriginal(sources: readonly Seed[], g: GroundCase): string {
  let text = relink(sources[g.source].text, g.link);
  if (g.v1alpha3) text = text.replaceAll('kops.k8s.io/v1alpha2', 'kops.k8s.io/v1alpha3');
  if (g.release?.via === 'comment')
    text = `# kops-version: ${releaseTag(g.release.of)}\n${text.replace(/^#\s*kops-version:.*\r?\n?/gm, '')}`;
  return text;
}

/** The case's file before the typed keys: the original, mutated. */
export const groundText = (sources: readonly Seed[], g: GroundCase): string =>
  g.mutations.reduce(applyMutation, groundOriginal(sources, g));

/** `text` with `key` typed into it, and the cursor (an offset) at the end of the typed word. */
export function typeKey(text: string, key: TypedKey): { text: string; cursor: number } {
  const lines = text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  const cilium = /^( *)cilium:[ \t]*\r?$/m.exec(text);
  let index = lines.length ? (key.after % lines.length) + 1 : 0;
  let indent = typeof key.indent === 'number' ? key.indent : 2;
  // In a file of nothing but comments, a word at the start of a line: where the whole-file starters are offered.
  if (lines.every((l) => /^[ \t]*(#.*)?\r?\n?$/.test(l))) indent = 0;
  else if (key.indent === 'cilium' && cilium) {
    index = text.slice(0, cilium.index).split('\n').length;
    indent = cilium[1].length + 2;
  }
  const before = lines.slice(0, index).join('');
  const head = before === '' || before.endsWith('\n') ? before : `${before}\n`;
  const typed = `${' '.repeat(indent)}${key.word}`;
  return { text: `${head}${typed}\n${lines.slice(index).join('')}`, cursor: head.length + typed.length };
}

export function describeGround(sources: readonly Seed[], g: GroundCase): string {
  const parts = [
    sources[g.source].name,
    g.link !== 'asIs' ? g.link : '',
    g.v1alpha3 ? 'v1alpha3' : '',
    g.release ? `${g.release.of}-release(${g.release.via})` : '',
    g.mutations.map((m) => m.kind).join('+'),
  ];
  return parts.filter(Boolean).join(' ');
}
