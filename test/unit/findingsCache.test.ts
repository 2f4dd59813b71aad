import { strict as assert } from 'assert';
import { diagnose } from '../../server/src/engine/checks/diagnostics';
import { parseFile, type ParsedFile } from '../../server/src/engine/document/documents';
import { effectiveKopsVersion, type EffectiveVersion } from '../../server/src/engine/kops/effectiveVersion';
import { FindingsCache } from '../../server/src/engine/checks/findingsCache';
import type { Finding } from '../../server/src/engine/types';
import { applyEdits } from '../helpers/applyEdits';
import { positionOf } from '../helpers/marker';
import { kopsDocument } from '../helpers/kopsText';

const cluster = (name: string, ...ciliumKeys: string[]) =>
  kopsDocument('Cluster', name, [
    '  kubernetesVersion: 1.32.0',
    '  networking:',
    '    cilium:',
    ...ciliumKeys.map((key) => `      ${key}: true`),
  ]);

const instanceGroup = (name: string) => kopsDocument('InstanceGroup', name, ['  role: Node', `  bogusKey${name}: 1`]);

/**
 * Cluster, InstanceGroup, a second Cluster: every document has a finding, the Clusters' with a fix, and the
 * second Cluster has a key only newer kops releases know.
 */
const DOCUMENTS = [
  cluster('a.example.com', 'enableNodeport'),
  instanceGroup('nodes'),
  cluster('b.example.com', 'enableHostReachableService', 'enableLocalRedirectPolicy'),
];
const STREAM = DOCUMENTS.join('---\n');

const version = (file: ParsedFile, kopsVersion?: string): EffectiveVersion => effectiveKopsVersion(file, { kopsVersion });
const fresh = (text: string, kopsVersion?: string): Finding[] => {
  const file = parseFile(text);
  return diagnose(file, version(file, kopsVersion));
};

describe('findings cache', () => {
  it('re-checks only the edited document, and moves the findings of the documents below it', () => {
    const cache = new FindingsCache();
    const before = parseFile(STREAM);
    assert.deepEqual(cache.diagnose(before, version(before)), fresh(STREAM));
    assert.equal(cache.checks, 3);

    const edited = STREAM.replace(
      '  kubernetesVersion: 1.32.0\n',
      '  kubernetesVersion: 1.32.0\n  channel: stable\n  cloudProvider: aws\n',
    );
    const after = parseFile(edited, before);
    const findings = cache.diagnose(after, version(after));
    assert.equal(cache.checks, 4, 'one more document checked: the edited one');
    assert.deepEqual(findings, fresh(edited));

    const ig = findings.find((f) => f.path === 'spec.bogusKeynodes');
    assert.deepEqual(ig?.range.start, positionOf(edited, 'bogusKeynodes'));
    const second = findings.filter((f) => f.range.start.line > positionOf(edited, 'b.example.com').line && f.fixes?.length);
    assert.deepEqual(
      second.map((f) => f.range.start),
      [positionOf(edited, 'enableHostReachableService')],
      "the second Cluster's fixable finding",
    );
    for (const f of second) {
      assert.ok(applyEdits(edited, f.fixes![0].edits).includes('\n---\n'), 'the moved fix edits stay inside the second Cluster');
      assert.notEqual(applyEdits(edited, f.fixes![0].edits), edited);
    }
  });

  it('answers a re-parse of unchanged text without checking again, in the same order as a fresh diagnose', () => {
    const cache = new FindingsCache();
    const first = parseFile(STREAM);
    cache.diagnose(first, version(first));
    const again = parseFile(STREAM, first);
    assert.deepEqual(cache.diagnose(again, version(again)), fresh(STREAM));
    assert.equal(cache.checks, 3);
  });

  it('keeps the fixes of a moved document correct when its text is applied', () => {
    const cache = new FindingsCache();
    const before = parseFile(STREAM);
    cache.diagnose(before, version(before));
    const edited = `# a comment line added at the top\n${STREAM}`;
    const after = parseFile(edited, before);
    const unknown = cache.diagnose(after, version(after)).find((f) => f.code === 'cilium-unknown-key');
    assert.ok(unknown?.fixes?.length, 'the typo gets a fix');
    assert.deepEqual(unknown.range.start, positionOf(edited, 'enableNodeport'));
    assert.match(applyEdits(edited, unknown.fixes[0].edits), /^ {6}enableNodePort: true$/m);
  });

  it('checks every document again when the kops version changes', () => {
    const cache = new FindingsCache();
    const file = parseFile(STREAM);
    cache.diagnose(file, version(file));
    const older = cache.diagnose(file, version(file, 'v1.25.0'));
    assert.equal(cache.checks, 6);
    assert.deepEqual(older, fresh(STREAM, 'v1.25.0'));
    assert.notDeepEqual(older, fresh(STREAM));
  });

  it('places the findings of a document that follows a lone CR', () => {
    const text = `${DOCUMENTS[0]}---\n${DOCUMENTS[1].replace(/\n$/, '\r')}---\n${DOCUMENTS[2]}`;
    const file = parseFile(text);
    assert.equal(file.documents.length, 3);
    const findings = new FindingsCache().diagnose(file, version(file));
    assert.deepEqual(findings, fresh(text));
    const dead = findings.find((f) => f.path === 'spec.networking.cilium.enableHostReachableService');
    assert.deepEqual(dead?.range.start, file.lines.positionAt(text.indexOf('enableHostReachableService')));
  });
});
