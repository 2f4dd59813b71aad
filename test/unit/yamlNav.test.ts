import { strict as assert } from 'assert';
import type { Node } from 'yaml';
import { diagnose } from '../../server/src/engine/checks/diagnostics';
import { parseFile } from '../../server/src/engine/document/documents';
import { effectiveKopsVersion } from '../../server/src/engine/kops/effectiveVersion';
import { plain } from '../../server/src/engine/document/yamlNav';
import { positionOf } from '../helpers/marker';
import { kopsDocument } from '../helpers/kopsText';

const ALIASED_CLUSTER = kopsDocument('Cluster', 'a.example.com', [
  '  bogusKey: 1',
  '  kubernetesApiAccess: &admins',
  '  - 10.0.0.0/8',
  '  sshAccess: *admins',
]);

describe('yamlNav.plain', () => {
  it('resolves aliases to the anchored value', () => {
    const doc = parseFile(ALIASED_CLUSTER).documents[0];
    const spec = (plain(doc.yaml.contents, doc) as { spec: Record<string, unknown> }).spec;
    assert.deepEqual(spec.sshAccess, ['10.0.0.0/8']);
    assert.deepEqual(spec.kubernetesApiAccess, ['10.0.0.0/8']);
  });

  it('applies merge keys as kops does: keys of the map itself win, earlier sources before later ones', () => {
    const text = ['base: &base {a: 1, b: 1}', 'other: &other {b: 2, c: 2}', 'merged:', '  <<: [*base, *other]', '  a: own', ''].join('\n');
    const doc = parseFile(text).documents[0];
    const value = plain(doc.yaml.contents, doc) as Record<string, Record<string, unknown>>;
    assert.deepEqual(value.merged, { a: 'own', b: 1, c: 2 });
  });

  it('reports no type error for a merge key in a string map (regression: `<<` read as a label)', () => {
    const text = [
      'apiVersion: kops.k8s.io/v1alpha2',
      'kind: InstanceGroup',
      'metadata:',
      '  name: nodes',
      '  labels: &labels',
      '    team: a',
      'spec:',
      '  role: Node',
      '  nodeLabels:',
      '    <<: *labels',
      '    tier: web',
      '',
    ].join('\n');
    const file = parseFile(text);
    assert.deepEqual(
      diagnose(file, effectiveKopsVersion(file, {})).map((f) => `${f.code} ${f.path}`),
      [],
    );
  });

  it('gives undefined for an alias bomb instead of expanding it', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++)
      levels.push(
        `${'abcdefghi'[i]}: &${'abcdefghi'[i]} [${Array(10)
          .fill(`*${'abcdefghi'[i - 1]}`)
          .join(', ')}]`,
      );
    const doc = parseFile(`${levels.join('\n')}\n`).documents[0];
    assert.equal(plain(doc.yaml.contents as Node, doc), undefined);
  });

  it('lets a document with aliases still get its schema findings (regression: no findings at all)', () => {
    const file = parseFile(ALIASED_CLUSTER);
    const findings = diagnose(file, effectiveKopsVersion(file, {}));
    const unknown = findings.filter((f) => f.path === 'spec.bogusKey');
    assert.equal(unknown.length, 1, JSON.stringify(findings.map((f) => f.code)));
    assert.deepEqual(unknown[0].range.start, positionOf(ALIASED_CLUSTER, 'bogusKey'));
  });
});
