import { readFileSync } from 'fs';
import { kopsFixture } from '../helpers/fixturePaths';

/** Files built to hurt an editor: each is generated, so nothing large is checked in. */

const HEAD =
  'apiVersion: kops.k8s.io/v1alpha2\nkind: Cluster\nmetadata:\n  name: hostile.example.com\nspec:\n  kubernetesVersion: 1.30.0\n  networking:\n    cilium:\n';

/** A real stream: one Cluster and 40 InstanceGroups. */
export const STREAM = (): string => readFileSync(kopsFixture('specs', 'large-multidoc.yaml'), 'utf8');

/** The last document of every stream below: an InstanceGroup with an unknown key, to show analysis reached the end. */
export const LAST_IG =
  '---\napiVersion: kops.k8s.io/v1alpha2\nkind: InstanceGroup\nmetadata:\n  name: last\nspec:\n  role: Node\n  notAKopsKey: true\n';

/** Nine levels of nine aliases each: 9^10 nodes once expanded. */
export function aliasBomb(): string {
  const levels = ['      lol0: &l0 [' + Array(9).fill('"lol"').join(', ') + ']'];
  for (let i = 1; i <= 9; i++)
    levels.push(
      `      lol${i}: &l${i} [${Array(9)
        .fill(`*l${i - 1}`)
        .join(', ')}]`,
    );
  return `${HEAD}      version: v1.15.0\n      extraConfig:\n${levels.join('\n')}\n`;
}

function repeatStream(until: (chars: number, lines: number) => boolean): string {
  const stream = STREAM();
  const streamLines = stream.split('\n').length - 1;
  const parts: string[] = [];
  let [length, lines] = [0, 0];
  while (!until(length, lines)) {
    parts.push(parts.length ? `---\n${stream}` : stream);
    length += stream.length + 4;
    lines += streamLines + 1;
  }
  return parts.join('') + LAST_IG;
}

/** A kops stream of at least `lines` lines (a Cluster and InstanceGroups, repeated). */
export const kopsStream = (lines: number): string => repeatStream((_, n) => n >= lines);

/** A kops stream of at least `bytes` characters. */
export const bigStream = (chars: number): string => repeatStream((length) => length >= chars);

/** One Cluster document of at least `bytes` characters (a huge file asset). */
export function bigDocument(bytes: number): string {
  const line = `        ${'x'.repeat(70)}\n`;
  return `${HEAD}      version: v1.15.0\n  fileAssets:\n  - name: blob\n    content: |\n${line.repeat(Math.ceil(bytes / line.length))}`;
}

/** One Cluster document of `lines` lines, each its own key. */
export function longDocument(lines: number): string {
  const labels = Array.from({ length: lines }, (_, i) => `    label-${i}: value-${i}\n`).join('');
  return `${HEAD}      version: v1.15.0\n  nodeLabels:\n${labels}`;
}

/** Bytes that are not text, NULs included (a deterministic pseudo-random sequence). */
export function binary(bytes: number): Buffer {
  const out = Buffer.alloc(bytes);
  let x = 0x2545f491;
  for (let i = 0; i < bytes; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = i % 97 === 0 ? 0 : x & 0xff;
  }
  return out;
}

/** A Cluster followed by `count` small documents. */
export function manyDocuments(count: number): string {
  return `${HEAD}      version: v1.15.0\n` + '---\napiVersion: v1\nkind: ConfigMap\n'.repeat(count);
}

/** A Cilium value of `depth` nested flow sequences (closed) or flow mappings left open. */
export function deepFlow(depth: number, closed: boolean): string {
  const value = closed ? '['.repeat(depth) + ']'.repeat(depth) : '{a: '.repeat(depth);
  return `${HEAD}      version: v1.15.0\n      extraConfig: ${value}\n`;
}

/** Block sequences nested `depth` deep on one line (`- - - x`), then a key back at the top: the parser pops every level at once. */
export function blockNesting(depth: number): string {
  return `${HEAD}      version: v1.15.0\n      extraConfig:\n        ${'- '.repeat(depth)}x\nstatus: {}\n`;
}

/** A hostile file, the limit finding the engine gives it and what its message says. */
export interface Hostile {
  name: string;
  make: () => string | Buffer;
  code: string;
  message: RegExp;
}

export const HOSTILE: Hostile[] = [
  {
    name: 'a billion-laughs alias bomb',
    make: aliasBomb,
    code: 'document-too-complex',
    message: /aliases expand to more than 10,000 nodes/,
  },
  {
    name: 'a 10 MB kops stream',
    make: () => bigStream(10_000_000),
    code: 'file-too-large',
    message: /^File too large for full analysis \([\d,]+ lines > 55,000\): kops-spec checks only the first [\d,]+ documents/,
  },
  {
    name: 'a 10 MB single document',
    make: () => bigDocument(10_000_000),
    code: 'file-too-large',
    message: /^File too large for full analysis \(.*\): its first document alone is over the limit, so nothing is checked/,
  },
  {
    name: 'a 50,000-line single document',
    make: () => longDocument(50_000),
    code: 'document-too-large',
    message: /^Document too large for analysis: 50,0\d\d lines > 5,000/,
  },
  {
    name: 'a binary file named .yaml',
    make: () => binary(1 << 20),
    code: 'file-not-text',
    message: /^Not a text file \(it contains NUL characters\)/,
  },
  {
    name: '10,000 documents',
    make: () => manyDocuments(10_000),
    code: 'file-too-large',
    message: /\(10,001 documents > 5,000\): kops-spec checks only the first 5,000 documents/,
  },
  {
    name: 'flow sequences nested 10,000 deep',
    make: () => deepFlow(10_000, true),
    code: 'document-too-complex',
    message: /nested 10,000 deep > 100/,
  },
  {
    name: 'block sequences nested 3,000 deep',
    make: () => blockNesting(3_000),
    code: 'document-too-complex',
    message: /content nested 6,0\d\d columns deep > 500/,
  },
  {
    name: 'flow mappings opened 10,000 deep and never closed',
    make: () => deepFlow(10_000, false),
    code: 'document-too-complex',
    message: /nested 10,000 deep > 100/,
  },
];

/** The file as an editor would hold it. */
export const textOf = (content: string | Buffer): string => (typeof content === 'string' ? content : content.toString('utf8'));
