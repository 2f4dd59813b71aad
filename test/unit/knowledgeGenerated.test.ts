import { strict as assert } from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import { compareReleases } from '../../scripts/knowledge/kopsGit';
import { KINDS, NETWORKING_GO, type CiliumStatement, type Knowledge, type Release } from '../../scripts/knowledge/knowledgeBuild';
import type { KnowledgeNode, ReleaseRanges } from '../../scripts/knowledge/mergeReleases';

const ROOT = join(__dirname, '..', '..');
const GENERATED = join(ROOT, 'server/src/engine/kops/knowledge/generated');
const readJson = (path: string): any => JSON.parse(readFileSync(path, 'utf8'));

const releases = (readJson(join(GENERATED, 'releases.json')).releases as Release[]).map((r) => r.tag);
const indexOf = new Map(releases.map((tag, i) => [tag, i]));

/** The release indexes of `ranges`, or what is wrong with them: unknown releases, unsorted, touching, empty. */
function indexesOf(ranges: ReleaseRanges): number[] | string {
  const indexes: number[] = [];
  for (const [i, range] of ranges.entries()) {
    if (range.length !== 1 && range.length !== 2) return `is not [from] or [from, until]: ${JSON.stringify(range)}`;
    const [from, until] = range.map((tag) => indexOf.get(tag));
    if (from === undefined || (range.length === 2 && until === undefined))
      return `names a release kops never had: ${JSON.stringify(range)}`;
    if (until === undefined && i !== ranges.length - 1) return 'has an open range before its last';
    if (until !== undefined && until <= from) return `is empty or backwards: ${JSON.stringify(range)}`;
    if (indexes.length && from <= indexes[indexes.length - 1] + 1) return 'has ranges out of order, overlapping or touching';
    for (let r = from; r < (until ?? releases.length); r++) indexes.push(r);
  }
  return indexes.length ? indexes : 'is empty';
}

const subset = (inner: readonly number[], outer: readonly number[]): boolean => inner.every((r) => outer.includes(r));

/** Everything wrong with the `in` of a node (or of each shape of a key) and below it, given its parent's releases. */
function problems(node: KnowledgeNode | KnowledgeNode[], parent: readonly number[], path: string): string[] {
  const shapes = Array.isArray(node) ? node : [node];
  const out = Array.isArray(node) && node.length < 2 ? [`${path}: a shape array of ${node.length}`] : [];
  const seen: number[] = [];
  for (const [i, shape] of shapes.entries()) {
    const at = Array.isArray(node) ? `${path}[shape ${i}]` : path;
    if (!shape.in && Array.isArray(node)) out.push(`${at}: a shape without its releases`);
    const own = shape.in ? indexesOf(shape.in) : parent;
    if (typeof own === 'string') {
      out.push(`${at}: \`in\` ${own}`);
      continue;
    }
    if (!subset(own, parent)) out.push(`${at}: in releases its parent is not in`);
    if (shape.in && own.length === parent.length) out.push(`${at}: \`in\` equals its parent's and should be left out`);
    if (own.some((r) => seen.includes(r))) out.push(`${at}: in a release another shape of the key is in`);
    seen.push(...own);
    for (const [key, child] of Object.entries(shape.properties ?? {})) out.push(...problems(child, own, `${at}.${key}`));
    if (shape.items) out.push(...problems(shape.items, own, `${at}[]`));
    if (shape.additionalProperties) out.push(...problems(shape.additionalProperties, own, `${at}{}`));
  }
  return out;
}

const propertyCount = (node: KnowledgeNode | KnowledgeNode[] | undefined): number =>
  node && !Array.isArray(node) ? Object.keys(node.properties ?? {}).length : 0;

describe('the generated kops knowledge (server/src/engine/kops/knowledge/generated)', () => {
  const all = releases.map((_, i) => i);

  it('lists kops releases from v1.18.0, oldest first, each with a default Cilium version', () => {
    assert.equal(releases[0], 'v1.18.0');
    assert.deepEqual([...releases].sort(compareReleases), releases);
    assert.equal(new Set(releases).size, releases.length);
    for (const release of readJson(join(GENERATED, 'releases.json')).releases as Release[]) {
      assert.match(release.defaultCilium, /^v1\.\d+\.\d+$/, release.tag);
    }
  });

  for (const { kind, file } of KINDS) {
    it(`dates every ${kind} key within its parent's releases, in sorted, disjoint ranges of real releases`, () => {
      const generated = readJson(join(GENERATED, `${file}.json`));
      assert.equal(generated.kind, kind);
      const schema = generated.schema as KnowledgeNode;
      assert.deepEqual(problems(schema, all, kind), []);
      assert.ok(propertyCount(schema.properties?.spec) > 20, `${kind}.spec has ${propertyCount(schema.properties?.spec)} keys`);
    });
  }

  it('dates each statement on a Cilium field in sorted, disjoint ranges, no two statements at one release', () => {
    const fields = readJson(join(GENERATED, 'ciliumComments.json')).fields as Record<string, CiliumStatement[]>;
    const wrong: string[] = [];
    for (const [key, statements] of Object.entries(fields)) {
      const seen: number[] = [];
      for (const { in: ranges, says } of statements) {
        const indexes = indexesOf(ranges);
        if (typeof indexes === 'string') wrong.push(`${key} (${says}): ${indexes}`);
        else if (indexes.some((r) => seen.includes(r))) wrong.push(`${key} (${says}): at a release another statement is`);
        else seen.push(...indexes);
      }
    }
    assert.deepEqual(wrong, []);
    assert.ok(Object.keys(fields).length > 0);
  });

  it('has the provenance of every release: its commit and the blob of each CRD and of networking.go', () => {
    const provenance = readJson(join(ROOT, 'knowledge/kops-provenance.json')) as Knowledge['provenance'];
    assert.deepEqual(Object.keys(provenance), releases);
    for (const [tag, { commit, files }] of Object.entries(provenance)) {
      assert.match(commit, /^[0-9a-f]{40}$/, tag);
      for (const path of [...KINDS.map((k) => k.crd), NETWORKING_GO]) {
        assert.match(files[path] ?? '', /^[0-9a-f]{40}$/, `${tag} ${path}`);
      }
    }
  });
});
