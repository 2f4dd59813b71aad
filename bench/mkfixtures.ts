// Builds the benchmark fixtures from the kops integration-test specs in test/fixtures/kops/specs.
// usage: tsx bench/mkfixtures.ts [outDir=bench/fixtures]
// Writes <name>.kops.yaml files plus index.json with sizes and the probe positions the harness uses.
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { kopsFixture } from '../test/helpers/fixturePaths';
import { CRD_DIR } from './crd2schema';
import { anchoredCluster, anchoredInstanceGroup } from './lib/anchors';

const ROOT = path.resolve(__dirname, '..');
export const FIXTURES_DIR = path.join(ROOT, 'bench', 'fixtures');

export interface Position {
  line: number;
  character: number;
}
export interface Fixture {
  name: string;
  file: string;
  lines: number;
  bytes: number;
  docs: number;
  /** Whitespace-only line inside the first `cilium:` block. */
  complete: Position;
  /** On the key `enableNodePort` in that block. */
  hover: Position;
  /** End of the first `  channel: stable` line: the harness toggles a trailing space there. */
  edit: Position;
}

const PROBE_LINE = '      ';
const readSpec = (name: string) => fs.readFileSync(kopsFixture('specs', name), 'utf8');
const documentsOf = (text: string) => text.split(/^---[ \t]*$/m).map((d) => d.trim() + '\n');
const joinDocuments = (docs: string[]) => docs.join('---\n');
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const rename = (doc: string, from: string, to: string) => doc.replace(new RegExp(escapeRe(from), 'g'), to);

function clusterName(doc: string): string {
  const name = /^metadata:\n(?:[ \t].*\n)*? {2}name: (\S+)$/m.exec(doc)?.[1];
  if (!name) throw new Error('Cluster document without metadata.name');
  return name;
}

/** Top-level `spec.<key>` blocks of a Cluster document, as text, keyed by field name. */
function specBlocks(doc: string): Map<string, string> {
  const lines = doc.split('\n');
  const specStart = lines.indexOf('spec:');
  const blocks = new Map<string, string>();
  let key: string | undefined;
  for (const line of lines.slice(specStart + 1)) {
    const top = /^ {2}([A-Za-z]\w*):/.exec(line);
    if (top) {
      key = top[1];
      blocks.set(key, line);
      continue;
    }
    if (key && (line.startsWith('   ') || line.startsWith('  - '))) blocks.set(key, `${blocks.get(key)}\n${line}`);
    else key = undefined;
  }
  return blocks;
}

/** Fields of the v1alpha2 Cluster spec in the newest CRD: a donor field outside it would make the fixture invalid. */
function crdSpecFields(): Set<string> {
  const crd = YAML.parse(fs.readFileSync(path.join(CRD_DIR, 'kops.k8s.io_clusters.yaml'), 'utf8'));
  const version = crd.spec.versions.find((v: { name: string }) => v.name === 'v1alpha2');
  return new Set(Object.keys(version.schema.openAPIV3Schema.properties.spec.properties));
}

/** The big Cluster of large-multidoc.yaml plus the spec fields it lacks from two other kops test specs. */
function enrichedCluster(big: string): string {
  const have = specBlocks(big);
  const known = crdSpecFields();
  const extra: string[] = [];
  for (const donor of ['complex.yaml', 'many-addons.yaml']) {
    for (const [key, block] of specBlocks(documentsOf(readSpec(donor))[0])) {
      if (!have.has(key) && known.has(key)) {
        have.set(key, block);
        extra.push(block);
      }
    }
  }
  return `${big.trimEnd()}\n${extra.join('\n')}\n`;
}

function lineIndexOf(lines: string[], test: (l: string) => boolean, from = 0): number {
  for (let i = from; i < lines.length; i++) if (test(lines[i])) return i;
  return -1;
}

function finish(name: string, text: string): { fixture: Fixture; text: string } {
  const lines = text.split('\n');
  const cilium = lineIndexOf(lines, (l) => l === '    cilium:');
  if (cilium < 0) throw new Error(`${name}: no '    cilium:' line`);
  lines.splice(cilium + 1, 0, PROBE_LINE);
  const hover = lineIndexOf(lines, (l) => l.startsWith('      enableNodePort:'), cilium + 1);
  const edit = lineIndexOf(lines, (l) => l === '  channel: stable');
  if (hover < 0 || edit < 0) throw new Error(`${name}: needs enableNodePort in cilium and '  channel: stable'`);
  const out = lines.join('\n');
  return {
    text: out,
    fixture: {
      name,
      file: `${name}.kops.yaml`,
      lines: lines.length,
      bytes: Buffer.byteLength(out),
      docs: out.split(/^---[ \t]*$/m).length,
      complete: { line: cilium + 1, character: PROBE_LINE.length },
      hover: { line: hover, character: 8 },
      edit: { line: edit, character: lines[edit].length },
    },
  };
}

interface ClusterCopies {
  /** The Cluster and the 40 InstanceGroups of large-multidoc.yaml as they are. */
  big: string;
  igs: string[];
  /** The `c<n>.example.com` copies of the enriched Cluster and of its InstanceGroups. */
  copy: (c: number) => string;
  igsOf: (c: number) => string[];
}

export function clusterCopies(): ClusterCopies {
  const [big, ...igs] = documentsOf(readSpec('large-multidoc.yaml'));
  const bigName = clusterName(big);
  const full = enrichedCluster(big);
  return {
    big,
    igs,
    copy: (c) => rename(full, bigName, `c${c}.example.com`),
    igsOf: (c) => igs.map((ig) => rename(ig, bigName, `c${c}.example.com`)),
  };
}

export function buildFixtures(): Array<{ fixture: Fixture; text: string }> {
  const { big, igs, copy, igsOf } = clusterCopies();

  const stream: string[] = [];
  for (let c = 0, lines = 0; lines < 50_000; c++) {
    const block = [copy(c), ...igsOf(c)];
    stream.push(...block);
    lines += block.join('').split('\n').length;
  }
  const anchors: string[] = [];
  for (let c = 0; c < 6; c++) {
    anchors.push(anchoredCluster(copy(c)));
    for (let k = 0; k < 8; k++) anchors.push(anchoredInstanceGroup(`c${c}.example.com`, k));
  }
  return [
    finish('small', readSpec('privateciliumadvanced.yaml')),
    finish('medium', joinDocuments([big, ...igs.slice(0, 39)])),
    finish('large', joinDocuments([...Array.from({ length: 12 }, (_, c) => copy(c)), ...igsOf(0)])),
    finish('anchors', joinDocuments(anchors)),
    finish('stream50k', joinDocuments(stream)),
  ];
}

export function writeFixtures(outDir = FIXTURES_DIR): Fixture[] {
  fs.mkdirSync(outDir, { recursive: true });
  const built = buildFixtures();
  for (const { fixture, text } of built) fs.writeFileSync(path.join(outDir, fixture.file), text);
  const index = built.map((b) => b.fixture);
  fs.writeFileSync(path.join(outDir, 'index.json'), JSON.stringify(index, null, 2));
  return index;
}

if (require.main === module) {
  for (const f of writeFixtures(process.argv[2] ? path.resolve(process.argv[2]) : undefined)) {
    console.log(
      `${f.file.padEnd(22)} ${String(f.lines).padStart(6)} lines ${String(f.bytes).padStart(8)} B ${String(f.docs).padStart(5)} docs`,
    );
  }
}
