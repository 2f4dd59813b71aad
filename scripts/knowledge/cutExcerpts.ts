// Cuts test/fixtures/knowledge/ (the fixture of test/unit/genKnowledge.test.ts) from a kubernetes/kops clone:
//   npx tsx scripts/knowledge/cutExcerpts.ts --kops <path to a kubernetes/kops git clone or bare mirror>
// For a few release tags, every file gen:knowledge reads, cut down to a handful of keys or lines (each kept line is a
// line of kops' file, in order), and sources.json: each tag's commit and the git blob of each full file.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { isMap, isScalar, isSeq, parseDocument, type Node, type YAMLMap } from 'yaml';
import { gitKopsSource } from './kopsGit';
import { CILIUM_ADDON_V118, CILIUM_COMPONENT, fromFile, KINDS, NETWORKING_GO } from './knowledgeBuild';

/** seccompDefault arrives in v1.26.6, is gone in v1.27.0 and back in v1.27.2; cpuRequest's type changes in v1.23.0. */
const FIXTURE_TAGS = ['v1.18.0', 'v1.23.0', 'v1.26.5', 'v1.26.6', 'v1.27.0', 'v1.27.2'];
const CRD_KEYS: Record<(typeof KINDS)[number]['kind'], string[]> = {
  Cluster: ['apiVersion', 'kind', 'spec.kubelet.anonymousAuth', 'spec.kubelet.seccompDefault', 'spec.kubeAPIServer.cpuRequest'],
  InstanceGroup: ['apiVersion', 'kind', 'spec.image', 'spec.gcpProvisioningModel', 'spec.warmPool.minSize'],
};
const CILIUM_FIELDS = new Set(['version', 'accessLog', 'agentPrometheusPort', 'disableIpv4']);

/** Keys to keep below a schema node; `true`: keep the node whole. */
interface KeepTree {
  [key: string]: KeepTree | true;
}

function keepTree(paths: readonly string[]): KeepTree {
  const root: KeepTree = {};
  for (const path of paths) {
    const keys = path.split('.');
    let node = root;
    keys.slice(0, -1).forEach((key) => (node = (node[key] ??= {}) as KeepTree));
    node[keys[keys.length - 1]] = true;
  }
  return root;
}

const keyOf = (key: unknown): string => String(isScalar(key) ? key.value : key);
const spanOf = (first: unknown, last: unknown): [number, number] => [(first as Node).range![0], (last as Node).range![1]];

/** The source spans of the schema below `node` that hold no kept key. */
function droppedSpans(node: YAMLMap, keep: KeepTree, spans: [number, number][]): void {
  const properties = node.get('properties');
  if (!isMap(properties)) return;
  for (const pair of properties.items) {
    const below = keep[keyOf(pair.key)];
    if (!below) spans.push(spanOf(pair.key, pair.value));
    else if (below !== true && isMap(pair.value)) droppedSpans(pair.value, below, spans);
  }
  const required = node.items.find((pair) => keyOf(pair.key) === 'required');
  if (!required || !isSeq(required.value)) return;
  const dropped = required.value.items.filter((item) => !(keyOf(item) in keep));
  if (dropped.length === required.value.items.length) spans.push(spanOf(required.key, required.value));
  else for (const item of dropped) spans.push(spanOf(item, item));
}

/** The CRD with its header and, of the v1alpha2 schema, only the lines of the kept keys and the objects holding them. */
function crdExcerpt(crdText: string, keys: readonly string[]): string {
  const doc = parseDocument(crdText);
  const versions = doc.getIn(['spec', 'versions']);
  if (!isSeq(versions)) throw new Error('the CRD has no spec.versions');
  const spans: [number, number][] = [];
  for (const version of versions.items) {
    const schema = isMap(version) ? version.getIn(['schema', 'openAPIV3Schema']) : undefined;
    if (isMap(schema)) droppedSpans(schema, keepTree(keys), spans);
  }
  const lineAt = (offset: number): number => crdText.slice(0, offset).split('\n').length - 1;
  const dropped = new Set(spans.flatMap(([from, to]) => range(lineAt(from), lineAt(to - 1))));
  return crdText
    .split('\n')
    .filter((_, line) => !dropped.has(line))
    .join('\n');
}

const range = (first: number, last: number): number[] => Array.from({ length: last - first + 1 }, (_, i) => first + i);

function lineIndex(lines: readonly string[], line: string, from = 0): number {
  const at = lines.indexOf(line, from);
  if (at < 0) throw new Error(`no line ${JSON.stringify(line)}`);
  return at;
}

function goHeader(lines: readonly string[], packageLine: string): string[] {
  return [...lines.slice(0, lineIndex(lines, '*/') + 1), '', packageLine, ''];
}

/** networking.go's licence header and the CiliumNetworkingSpec struct with only the kept fields and their comments. */
function ciliumStructExcerpt(networkingGo: string, fields: ReadonlySet<string>): string {
  const lines = networkingGo.split('\n');
  const start = lineIndex(lines, 'type CiliumNetworkingSpec struct {');
  const kept = [...goHeader(lines, 'package v1alpha2'), lines[start]];
  let comment: string[] = [];
  for (const line of lines.slice(start + 1, lineIndex(lines, '}', start))) {
    if (line.trim().startsWith('//')) {
      comment.push(line);
      continue;
    }
    const key = /`json:"([^",]+)/.exec(line)?.[1];
    if (key && fields.has(key)) kept.push(...comment, line);
    comment = [];
  }
  return [...kept, '}', ''].join('\n');
}

/** cilium.go's licence header and the block that sets the default Cilium version. */
function ciliumDefaultExcerpt(componentGo: string): string {
  const lines = componentGo.split('\n');
  const start = lineIndex(lines, '\tif c.Version == "" {');
  return [...goHeader(lines, 'package components'), ...lines.slice(start, lineIndex(lines, '\t}', start) + 1), ''].join('\n');
}

/** The addon template's lines that name the fallback Cilium image. */
function addonImageExcerpt(template: string): string {
  return [...template.split('\n').filter((line) => line.includes('cilium/cilium:{{- or .Version')), ''].join('\n');
}

function main(): void {
  const at = process.argv.indexOf('--kops');
  if (at < 0 || !process.argv[at + 1]) throw new Error('usage: npx tsx scripts/knowledge/cutExcerpts.ts --kops <kops clone>');
  const source = gitKopsSource(resolve(process.argv[at + 1]));
  const outDir = resolve(__dirname, '../../test/fixtures/knowledge');
  const cutters: [string, (text: string) => string][] = [
    ...KINDS.map(({ kind, crd }): [string, (text: string) => string] => [crd, (text) => crdExcerpt(text, CRD_KEYS[kind])]),
    [NETWORKING_GO, (text) => ciliumStructExcerpt(text, CILIUM_FIELDS)],
    [CILIUM_COMPONENT, ciliumDefaultExcerpt],
    [CILIUM_ADDON_V118, addonImageExcerpt],
  ];
  const sources: Record<string, { commit: string; files: Record<string, string> }> = {};
  for (const tag of FIXTURE_TAGS) {
    rmSync(join(outDir, tag), { recursive: true, force: true });
    sources[tag] = { commit: source.commit(tag), files: {} };
    for (const [path, cut] of cutters) {
      const text = source.show(tag, path);
      const blob = source.blob(tag, path);
      if (text === undefined || blob === undefined) continue;
      mkdirSync(dirname(join(outDir, tag, path)), { recursive: true });
      writeFileSync(
        join(outDir, tag, path),
        fromFile(tag, path, () => cut(text)),
      );
      sources[tag].files[path] = blob;
    }
  }
  writeFileSync(join(outDir, 'sources.json'), `${JSON.stringify(sources, null, 2)}\n`);
  console.log(`wrote ${outDir}`);
}

main();
