import { strict as assert } from 'assert';
import fc from 'fast-check';
import type { ShapeNode } from '../../scripts/knowledge/crdSchema';
import {
  buildKnowledge,
  CILIUM_ADDON_V118,
  CILIUM_COMPONENT,
  KINDS,
  NETWORKING_GO,
  type Knowledge,
} from '../../scripts/knowledge/knowledgeBuild';
import { mergeReleases, rangesOf, type KnowledgeNode } from '../../scripts/knowledge/mergeReleases';
import { readableJson } from '../../scripts/knowledge/readableJson';
import { excerptFiles, excerptKopsSource, excerptSources, type ExcerptFiles } from '../helpers/kopsExcerpts';

const CLUSTER_CRD = KINDS[0].crd;
const IG_CRD = KINDS[1].crd;

/** The node or shape array at a path of property names; fails where a key on the way changed shape. */
function nodeAt(root: KnowledgeNode, path: string): KnowledgeNode | KnowledgeNode[] {
  let node: KnowledgeNode | KnowledgeNode[] = root;
  for (const key of path.split('.')) {
    assert.ok(!Array.isArray(node), `${path}: ${key}'s parent changed shape`);
    const child: KnowledgeNode | KnowledgeNode[] | undefined = node.properties?.[key];
    assert.ok(child, `${path}: no ${key}`);
    node = child;
  }
  return node;
}

const oneShape = (root: KnowledgeNode, path: string): KnowledgeNode => {
  const node = nodeAt(root, path);
  assert.ok(!Array.isArray(node), `${path} changed shape`);
  return node;
};

function edited(edit: (files: ExcerptFiles) => void): ExcerptFiles {
  const files = excerptFiles();
  edit(files);
  return files;
}

describe('gen:knowledge over excerpts of kops at v1.18.0, v1.23.0, v1.26.5, v1.26.6, v1.27.0 and v1.27.2', () => {
  let knowledge: Knowledge;
  before(() => (knowledge = buildKnowledge(excerptKopsSource())));

  it('gives a key that arrives in a patch release, goes and comes back exactly those releases', () => {
    // seccompDefault is in kops v1.26.6, not in v1.27.0 nor v1.27.1, and back from v1.27.2.
    assert.deepEqual(oneShape(knowledge.schemas.cluster, 'spec.kubelet.seccompDefault').in, [['v1.26.6', 'v1.27.0'], ['v1.27.2']]);
  });

  it('leaves `in` out where a key is in every release its parent is', () => {
    for (const path of ['spec', 'spec.kubelet', 'spec.kubelet.anonymousAuth', 'spec.kubeAPIServer']) {
      assert.equal(oneShape(knowledge.schemas.cluster, path).in, undefined, path);
    }
    assert.equal(oneShape(knowledge.schemas.instancegroup, 'spec.image').in, undefined);
    assert.equal(knowledge.schemas.cluster.in, undefined);
  });

  it("dates a key that arrived in a minor release, and leaves its own keys at the parent's releases", () => {
    const ig = knowledge.schemas.instancegroup;
    assert.deepEqual(oneShape(ig, 'spec.gcpProvisioningModel').in, [['v1.26.5']]);
    assert.deepEqual(oneShape(ig, 'spec.warmPool').in, [['v1.23.0']]);
    assert.deepEqual(oneShape(ig, 'spec.warmPool.minSize'), { type: 'integer', description: 'MinSize is the minimum size of the pool' });
  });

  it('gives a key whose type changed one node per shape: cpuRequest, a string until v1.23.0, then a quantity', () => {
    const [asString, asQuantity] = nodeAt(knowledge.schemas.cluster, 'spec.kubeAPIServer.cpuRequest') as KnowledgeNode[];
    assert.deepEqual(asString, {
      in: [['v1.18.0', 'v1.23.0']],
      type: 'string',
      description: 'CPURequest, cpu request compute resource for api server.',
    });
    assert.deepEqual(asQuantity.in, [['v1.23.0']]);
    assert.equal(asQuantity.intOrString, true);
    assert.equal(asQuantity.type, undefined);
    assert.ok(new RegExp(asQuantity.pattern!).test('150m'), asQuantity.pattern);
  });

  it('pins apiVersion and kind to what kops accepts', () => {
    assert.deepEqual(oneShape(knowledge.schemas.cluster, 'apiVersion').enum, ['kops.k8s.io/v1alpha2']);
    assert.deepEqual(oneShape(knowledge.schemas.instancegroup, 'kind').enum, ['InstanceGroup']);
  });

  it("classifies the Cilium struct's comments by release and passes over fields that do something", () => {
    assert.deepEqual(knowledge.ciliumComments, {
      accessLog: [
        { in: [['v1.18.0', 'v1.23.0']], says: 'not implemented' },
        { in: [['v1.23.0']], says: 'unused' },
      ],
      disableIpv4: [
        { in: [['v1.18.0', 'v1.23.0']], says: 'deprecated' },
        { in: [['v1.23.0']], says: 'unused' },
      ],
    });
  });

  it("reads the default Cilium version from v1.18's addon template, then from cilium.go", () => {
    assert.deepEqual(knowledge.releases, [
      { tag: 'v1.18.0', defaultCilium: 'v1.7.5' },
      { tag: 'v1.23.0', defaultCilium: 'v1.10.5' },
      { tag: 'v1.26.5', defaultCilium: 'v1.12.5' },
      { tag: 'v1.26.6', defaultCilium: 'v1.12.5' },
      { tag: 'v1.27.0', defaultCilium: 'v1.12.10' },
      { tag: 'v1.27.2', defaultCilium: 'v1.12.10' },
    ]);
  });

  it('records the commit of every release and the blob of every file read, and no file a release lacks', () => {
    // v1.18.0 has no cilium.go, so its default comes from the addon template, read only there.
    assert.deepEqual(knowledge.provenance['v1.18.0'], {
      commit: '698bf974d8ec16dd5c7fb8b8682d337fee0e6793',
      files: {
        [CLUSTER_CRD]: '240111fbd5bd795b6fee97fc6e8a7932bdce1d81',
        [IG_CRD]: 'a39656afc21e7aba54090cad385f37c9bc9f3747',
        [NETWORKING_GO]: '84bac3c0a283cb986631c9734b2ac9c882a4076a',
        [CILIUM_ADDON_V118]: '32093f9783e79d506193b5db6a92352d5da31f04',
      },
    });
    assert.deepEqual(knowledge.provenance, excerptSources);
  });

  it('dates a whole kind by the releases that have its CRD', () => {
    const files = edited((f) => f.get('v1.27.0')!.delete(IG_CRD));
    const withoutIg = buildKnowledge(excerptKopsSource(files));
    assert.deepEqual(withoutIg.schemas.instancegroup.in, [['v1.18.0', 'v1.27.0'], ['v1.27.2']]);
    assert.equal(oneShape(withoutIg.schemas.instancegroup, 'spec.image').in, undefined);
    assert.equal(withoutIg.provenance['v1.27.0'].files[IG_CRD], undefined);
    assert.equal(withoutIg.schemas.cluster.in, undefined);
  });

  it('writes the same JSON on every run, whatever order the source lists its files in', () => {
    const reversed: ExcerptFiles = new Map([...excerptFiles()].reverse().map(([tag, files]) => [tag, new Map([...files].reverse())]));
    assert.equal(readableJson(buildKnowledge(excerptKopsSource(reversed))), readableJson(knowledge));
    assert.equal(readableJson(buildKnowledge(excerptKopsSource())), readableJson(knowledge));
  });

  it('stops with the missing tag when the clone has no v1.18.0', () => {
    const files = edited((f) => f.delete('v1.18.0'));
    assert.throws(() => buildKnowledge(excerptKopsSource(files)), /the kops clone has no tag v1\.18\.0/);
    assert.throws(() => buildKnowledge(excerptKopsSource(new Map())), /the kops clone has no tag v1\.18\.0/);
  });

  it('stops with the release and the file when a CRD has no v1alpha2 schema', () => {
    const files = edited((f) => {
      const crds = f.get('v1.26.6')!;
      crds.set(CLUSTER_CRD, crds.get(CLUSTER_CRD)!.replace('- name: v1alpha2', '- name: v1alpha3'));
    });
    assert.throws(() => buildKnowledge(excerptKopsSource(files)), {
      message: `kops v1.26.6 ${CLUSTER_CRD}: the Cluster CRD has no v1alpha2 version`,
    });
  });

  it('stops with the release when it finds no default Cilium version or no Cilium struct', () => {
    const noDefault = edited((f) => f.get('v1.27.0')!.set(CILIUM_COMPONENT, '\tif c.Version == "" {\n\t}\n'));
    assert.throws(() => buildKnowledge(excerptKopsSource(noDefault)), /^Error: kops v1\.27\.0: found no default Cilium version$/);
    const noStruct = edited((f) => f.get('v1.23.0')!.delete(NETWORKING_GO));
    assert.throws(
      () => buildKnowledge(excerptKopsSource(noStruct)),
      /^Error: kops v1\.23\.0 pkg\/apis\/kops\/v1alpha2\/networking\.go: .*CiliumNetworkingSpec/,
    );
  });
});

describe('rangesOf: release indexes to half-open ranges', () => {
  const releases = ['v1.18.0', 'v1.18.1', 'v1.19.0', 'v1.19.1', 'v1.20.0'];

  it('leaves the range of the newest release open', () => {
    assert.deepEqual(rangesOf([0], ['v1.18.0']), [['v1.18.0']]);
    assert.deepEqual(rangesOf([3, 4], releases), [['v1.19.1']]);
    assert.deepEqual(rangesOf([0, 1, 2, 3, 4], releases), [['v1.18.0']]);
  });

  it('closes a range before the first release without the key', () => {
    assert.deepEqual(rangesOf([0], releases), [['v1.18.0', 'v1.18.1']]);
    assert.deepEqual(rangesOf([1, 2], releases), [['v1.18.1', 'v1.19.1']]);
  });

  it('gives each run of releases its own range', () => {
    assert.deepEqual(rangesOf([0, 2, 4], releases), [['v1.18.0', 'v1.18.1'], ['v1.19.0', 'v1.19.1'], ['v1.20.0']]);
    assert.deepEqual(rangesOf([], releases), []);
  });
});

describe('mergeReleases', () => {
  const releases = ['v1.18.0', 'v1.19.0', 'v1.20.0', 'v1.21.0'];

  it('keeps one node per shape when a type changes and changes back, each with its own releases', () => {
    const text: ShapeNode = { type: 'string', description: 'Old.' };
    const list: ShapeNode = { type: 'array', items: { type: 'string' } };
    const root = (field: ShapeNode | undefined): ShapeNode => ({ type: 'object', properties: field ? { field } : {} });
    const merged = mergeReleases(releases, [root(text), root(list), root(undefined), root({ ...text, description: 'New.' })]);
    assert.deepEqual(merged.properties?.field, [
      { in: [['v1.18.0', 'v1.19.0'], ['v1.21.0']], type: 'string', description: 'New.' },
      { in: [['v1.19.0', 'v1.20.0']], type: 'array', items: { type: 'string' } },
    ]);
  });
});

describe('readableJson', () => {
  it('writes the data JSON.stringify writes, however long', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => assert.deepEqual(JSON.parse(readableJson(value)), JSON.parse(JSON.stringify(value)))));
    const long = 'x'.repeat(120);
    assert.deepEqual(JSON.parse(readableJson({ gone: undefined, list: [undefined, long] })), { list: [null, long] });
  });

  it('puts a value on one line when it fits and one member per line when not', () => {
    assert.equal(readableJson({ in: [['v1.18.0']], type: 'string' }), '{"in":[["v1.18.0"]],"type":"string"}');
    assert.equal(readableJson({ a: 'x'.repeat(60), b: 'y'.repeat(60) }), `{\n  "a": "${'x'.repeat(60)}",\n  "b": "${'y'.repeat(60)}"\n}`);
  });
});
