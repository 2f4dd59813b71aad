import { strict as assert } from 'assert';
import Ajv, { type ErrorObject } from 'ajv';
import { kopsDocuments, parseFile } from '../../server/src/engine/document/documents';
import { plain } from '../../server/src/engine/document/yamlNav';
import { namedRelease } from '../../server/src/engine/kops/releases';
import { specSchema, type SchemaNode } from '../../server/src/engine/kops/schema/specSchema';
import { shapeProblems } from '../../server/src/engine/checks/schema/shapeProblems';
import { formatPath, type PathSegment } from '../../server/src/engine/types';
import { kopsDocument } from '../helpers/kopsText';

/** The same release's schema as JSON Schema for Ajv, the reference implementation the hand walker must agree with. */
function jsonSchema(node: SchemaNode, path: string): object | boolean {
  if (path === '.spec.networking.cilium' || path === '.metadata') return { type: 'object' };
  const out: Record<string, unknown> = {};
  if (node.intOrString) out.type = node.pattern === undefined ? ['integer', 'string'] : ['number', 'string'];
  else if (node.type) out.type = node.type;
  if (node.pattern !== undefined) out.pattern = node.pattern;
  if (node.properties) {
    out.properties = Object.fromEntries(Object.entries(node.properties).map(([k, v]) => [k, jsonSchema(v, `${path}.${k}`)]));
  }
  if (node.items) out.items = jsonSchema(node.items, `${path}[]`);
  if (typeof node.additionalProperties === 'object') out.additionalProperties = jsonSchema(node.additionalProperties, `${path}{}`);
  else if (node.additionalProperties === false) out.additionalProperties = false;
  return out;
}

const pathOf = (pointer: string): PathSegment[] =>
  pointer
    .split('/')
    .slice(1)
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s.replace(/~1/g, '/').replace(/~0/g, '~')));

function ajvProblems(error: ErrorObject): string | undefined {
  const path = pathOf(error.instancePath);
  if (error.keyword === 'additionalProperties') return `unknown-key ${formatPath([...path, String(error.params.additionalProperty)])}`;
  if (error.keyword === 'type') return `type ${formatPath(path)}`;
  if (error.keyword === 'pattern') return `quantity ${formatPath(path)}`;
  return undefined;
}

const SPEC = kopsDocument('Cluster', 'a.example.com', [
  '  kubernetesVersion: 1.30.0',
  '  kubelet:',
  '    seccompDefault: "yes"',
  '    maxPods: 1.5',
  '    cpuCFSQuota: on',
  '  kubeAPIServer:',
  '    targetRamMb: 1024',
  '    watchCache: true',
  '    cpuRequest: 2 cores',
  '    memoryLimit: 0.5',
  '  subnets:',
  '  - name: a',
  '    zonee: x',
  '    cidr: 10',
  '  - just a string',
  '  cloudLabels:',
  '    team: [a]',
  '  networking:',
  '    cilium: {anything: 1}',
  '  etcdClusters: {main: 1}',
  '  api:',
  '    loadBalancer: null',
]);

describe('the shape walker agrees with Ajv on the same release schema', () => {
  for (const release of ['v1.22.6', 'v1.30.2']) {
    it(`kops ${release}`, () => {
      const file = parseFile(SPEC);
      const doc = kopsDocuments(file)[0];
      const value = plain(doc.yaml.contents, doc) as Record<string, unknown>;
      const schema = specSchema('Cluster', namedRelease(release));
      const validate = new Ajv({ allErrors: true, strict: false, verbose: true }).compile(jsonSchema(schema, ''));
      validate(value);
      const expected = (validate.errors ?? [])
        .filter((e) => !(e.keyword === 'type' && e.data === null))
        .map(ajvProblems)
        .filter((p): p is string => p !== undefined)
        .sort();
      const got = shapeProblems(value, schema)
        .map((p) => (p.kind === 'unknown-key' ? `unknown-key ${formatPath([...p.parent, p.key])}` : `${p.kind} ${formatPath(p.path)}`))
        .sort();
      assert.deepEqual(got, expected);
      assert.ok(got.length >= 6, got.join('\n'));
    });
  }
});
