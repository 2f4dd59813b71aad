import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allCiliumFieldPaths, ciliumField, ciliumFields, firstKopsWith } from '../../server/src/engine/kops/catalog/ciliumFields';
import {
  ciliumSupport,
  ciliumVersionChoices,
  ciliumVersionPasses,
  createClusterNetworking,
  defaultNetworkingProvider,
} from '../../server/src/engine/kops/catalog/ciliumVersions';
import {
  ciliumDocSlug,
  ciliumDocsUrl,
  ciliumDocsUrlForField,
  effectiveCiliumVersion,
  KOPS_CILIUM_DOCS,
} from '../../server/src/engine/kops/catalog/docsLinks';
import { parseKopsVersion, type KopsVersion } from '../../server/src/engine/kops/releases';
import { REPO_ROOT } from '../helpers/fixturePaths';

function kops(text: string): KopsVersion {
  const r = parseKopsVersion(text);
  if ('error' in r) throw new Error(r.error);
  return r.version;
}
const NEWEST = kops('v1.36.2');

/** The hand-reviewed Cilium inputs of scripts/gen-catalog.mjs (knowledge/README.md). */
const readKnowledge = (name: string): any => JSON.parse(readFileSync(join(REPO_ROOT, 'knowledge', 'cilium', name), 'utf8'));

describe('catalog agrees with the hand-reviewed Cilium knowledge', function () {
  const facts = (): any[] => readKnowledge('fields.json');
  const versions = (): any => readKnowledge('versions.json');

  const expectedType = (f: any): string =>
    /Quantity/.test(f.goType)
      ? 'quantity'
      : (({ array: 'stringList', map: 'stringMap' } as Record<string, string>)[f.jsonType] ?? f.jsonType);
  const yamlText = (v: unknown): string | undefined =>
    v === null
      ? undefined
      : typeof v === 'object'
        ? `{${Object.entries(v)
            .map(([k, x]) => `${k}: ${x}`)
            .join(', ')}}`
        : String(v);
  const firstKops = (f: any): string =>
    f.firstMinorRelease.startsWith('<=') || f.firstMinorRelease === 'v1.17.0' ? 'v1.18.0' : f.firstMinorRelease;

  // Keys that shipped in a patch release, read from the kops tags (fields.json dates keys by .0 releases).
  const PATCH_SINCE: Record<string, string> = {
    enableHostReachableServices: 'v1.20.1',
    disableCNPStatusUpdates: 'v1.22.2',
    operatorPodAnnotations: 'v1.26.4',
    registry: 'v1.27.1',
    nodeEncryption: 'v1.28.1',
  };
  const BACKPORTED = new Set(['bpfLBSock', 'extraConfig']);
  const since = (f: any): string => PATCH_SINCE[f.yamlName] ?? firstKops(f);

  it('has exactly the 119 keys of fields.json, in its order', function () {
    assert.deepEqual(
      allCiliumFieldPaths(),
      facts().map((f) => f.yamlName),
    );
  });

  it('matches type, v1alpha3 name, addedIn, newest default, dead and no-effect flags of every key', function () {
    for (const f of facts()) {
      const at = ciliumField(NEWEST, f.yamlName);
      assert.ok(at, f.yamlName);
      assert.equal(at.type, expectedType(f), `${f.yamlName} type`);
      assert.equal(at.v1alpha3Name, f.v1alpha3Name ?? undefined, `${f.yamlName} v1alpha3`);
      assert.equal(at.addedInTag, f.addedIn, `${f.yamlName} addedInTag`);
      assert.equal(at.addedIn, since(f), `${f.yamlName} addedIn`);
      assert.equal(firstKopsWith(f.yamlName), since(f));
      assert.equal(at.default, yamlText(f.defaultValue), `${f.yamlName} default`);
      assert.equal(at.deadSince, f.deprecated ? 'v1.23.0' : undefined, `${f.yamlName} dead`);
      assert.equal(at.noEffectSince, !f.effectiveInNewest && !f.deprecated ? 'v1.34.0' : undefined, `${f.yamlName} no-effect`);
      assert.equal(ciliumField(kops('v1.22.9'), f.yamlName)?.deadSince, undefined);
      assert.equal(ciliumField(kops('v1.33.0'), f.yamlName)?.noEffectSince, undefined);
      assert.ok(at.summary.length > 10 && at.summary.toLowerCase() !== f.summary.toLowerCase(), `${f.yamlName} summary`);
    }
  });

  it('has each key in exactly the listed tags fields.json names, and from its first minor release on', function () {
    const tags: string[] = Object.keys(versions().listedTags);
    for (const f of facts()) {
      for (const t of tags)
        assert.equal(ciliumField(kops(t), f.yamlName) !== undefined, f.presentInTags.includes(t), `${f.yamlName} @ ${t}`);
      const first = kops(since(f));
      assert.ok(ciliumField(first, f.yamlName), `${f.yamlName} @ ${first.text}`);
      if (first.minor > 18 && !BACKPORTED.has(f.yamlName))
        assert.equal(ciliumField(kops(`v1.${first.minor - 1}.9`), f.yamlName), undefined);
    }
  });

  it('matches enum values and enforcement at every listed tag', function () {
    for (const f of facts().filter((x) => x.enumValues)) {
      for (const t of f.presentInTags as string[]) {
        const at = ciliumField(kops(t), f.yamlName)!;
        let expected: string[] | undefined = f.enumValues;
        if (f.yamlName === 'ipam' && t === 'v1.18.0') expected = ['crd', 'eni'];
        if (f.yamlName === 'containerRuntimeLabels' && kops(t).minor >= 23) expected = undefined;
        assert.deepEqual(at.enumValues, expected, `${f.yamlName} @ ${t}`);
        assert.equal(at.enumEnforced, expected !== undefined && !/not validated/.test(f.enumSource), `${f.yamlName} enforced @ ${t}`);
      }
    }
  });

  it('counts the top-level keys of every listed tag as 73/75/78/96/97/97/101/103/109', function () {
    const counts = Object.keys(versions().listedTags).map((t) => ciliumFields(kops(t), '').length);
    assert.deepEqual(counts, [73, 75, 78, 96, 97, 97, 101, 103, 109]);
  });

  it('gives each kops minor its default Cilium version, accepted minors and detail string', function () {
    const ranges: Array<{ from: string; to: string; detail: string | null }> = readKnowledge('supported-versions.json').ranges;
    const detailOf = (minor: number): string | undefined => {
      const minorOf = (v: string): number => Number(v.split('.')[1]);
      const range = ranges.find((r) => minor >= minorOf(r.from) && minor <= minorOf(r.to));
      if (!range) throw new Error(`no range for kops 1.${minor}`);
      return range.detail ?? undefined;
    };
    for (const [tag, r] of Object.entries<any>(versions().allMinorReleases)) {
      const v = kops(tag);
      const support = ciliumSupport(v);
      assert.equal(support.defaultVersion, r.defaultCiliumVersion, tag);
      assert.equal(support.detail, detailOf(v.minor), tag);
      assert.equal(support.validated, true);
      const [lo, hi = lo] = /^1\.(\d+)(?:-1\.(\d+))?/.exec(r.validatedMinor)!.slice(1).filter(Boolean).map(Number);
      for (let minor = 0; minor <= 25; minor++) {
        for (const patch of [0, 4, 5, 12]) {
          const expected = /buggy/.test(r.validatedMinor) ? !(minor !== 11 && patch < 5) : minor >= lo && minor <= hi;
          assert.equal(ciliumVersionPasses(v, { major: 1, minor, patch }), expected, `${tag} cilium 1.${minor}.${patch}`);
        }
      }
    }
    const v118 = ciliumSupport(kops('v1.18.0'));
    assert.equal(v118.defaultVersion, versions().listedTags['v1.18.0'].defaultCiliumVersion);
    assert.equal(v118.validated, false);
    assert.equal(detailOf(18), undefined);
    for (const [tag, t] of Object.entries<any>(versions().listedTags)) {
      if (t.validationDetail) assert.equal(ciliumSupport(kops(tag)).detail, t.validationDetail);
      assert.deepEqual(createClusterNetworking(kops(tag)), t.createClusterNetworking, tag);
      assert.equal(defaultNetworkingProvider(kops(tag)), t.defaultNetworking, tag);
    }
  });

  it('builds the documented URL for every docs topic and Cilium minor', function () {
    const docs = readKnowledge('docs.json');
    for (const [id, t] of Object.entries<any>(docs.topics)) {
      for (const v of docs.versions as string[]) {
        const anchor = t.anchors ? t.anchors[v] : t.anchor;
        const page = (slug: string, key: string, a: string | null | undefined): string =>
          `${docs.base}/${slug}/${t.paths[key]}${a ? `#${a}` : ''}`;
        const newestAnchor = t.anchors ? t.anchors[docs.newestRelease] : t.anchor;
        const expected = t.paths[v]
          ? page(v, v, anchor)
          : t.paths[docs.newestRelease]
            ? page('stable', docs.newestRelease, newestAnchor)
            : undefined;
        if (expected) assert.equal(ciliumDocsUrl(id, `${v}.3`), expected, `${id} @ ${v}`);
      }
      for (const name of t.kopsFields ?? []) {
        const path = facts().find((f) => f.yamlName === name || f.v1alpha3Name === name).yamlName;
        assert.ok(ciliumField(NEWEST, path)!.docsTopics!.includes(id), `${path} -> ${id}`);
      }
    }
  });
});

describe('catalog lookups', function () {
  it('knows keys back-ported into patch releases', function () {
    for (const path of ['bpfLBSock', 'extraConfig']) {
      assert.equal(ciliumField(kops('v1.34.2'), path), undefined);
      assert.ok(ciliumField(kops('v1.34.3'), path));
      assert.equal(ciliumField(kops('v1.35.0'), path), undefined);
      assert.ok(ciliumField(kops('v1.35.1'), path));
      assert.ok(ciliumField(kops('v1.36.0'), path));
    }
    assert.equal(ciliumField(kops('v1.27.0'), 'registry'), undefined);
    assert.ok(ciliumField(kops('v1.27.1'), 'registry'));
  });

  it('answers field presence, enums, names and flags per kops version', function () {
    assert.equal(ciliumFields(NEWEST, '').length, 109);
    assert.ok(ciliumField(kops('v1.22.0'), 'identityAllocationMode'));
    assert.equal(ciliumField(kops('v1.21.4'), 'identityAllocationMode'), undefined);
    assert.equal(ciliumField(kops('v1.18.0'), 'hubble'), undefined);
    assert.deepEqual(ciliumFields(kops('v1.18.0'), 'hubble'), []);
    assert.deepEqual(
      ciliumFields(NEWEST, 'ingress').map((f) => f.path.split('.')[1]),
      [
        'enabled',
        'enforceHttps',
        'enableSecretsSync',
        'loadBalancerAnnotationPrefixes',
        'defaultLoadBalancerMode',
        'sharedLoadBalancerServiceName',
      ],
    );
    assert.equal(ciliumFields(NEWEST, 'gatewayAPI').length, 2);
    assert.deepEqual(ciliumField(kops('v1.18.0'), 'ipam')!.enumValues, ['crd', 'eni']);
    assert.deepEqual(ciliumField(kops('v1.19.0'), 'ipam')!.enumValues, ['hostscope', 'kubernetes', 'crd', 'eni']);
    assert.ok(ciliumField(kops('v1.22.5'), 'containerRuntimeLabels')!.enumValues);
    assert.equal(ciliumField(kops('v1.23.0'), 'containerRuntimeLabels')!.enumValues, undefined);
    assert.equal(ciliumField(NEWEST, 'chainingMode')!.enumEnforced, false);
    assert.equal(ciliumField(kops('v1.22.0'), 'disableMasquerade')!.internalName, 'disableMasquerade');
    assert.equal(ciliumField(kops('v1.23.0'), 'disableMasquerade')!.internalName, 'masquerade');
    assert.equal(ciliumField(kops('v1.30.0'), 'IPTablesRulesNoinstall')!.internalName, 'installIptablesRules');
    assert.equal(ciliumField(NEWEST, 'hubble.enabled')!.internalName, 'enabled');
    assert.equal(ciliumField(NEWEST, 'accessLog')!.internalName, 'accessLog');
    assert.equal(ciliumField(kops('v1.22.0'), 'accessLog')!.deadSince, undefined);
    assert.equal(ciliumField(kops('v1.23.0'), 'accessLog')!.deadSince, 'v1.23.0');
    assert.equal(ciliumField(kops('v1.33.4'), 'bpfLBAlgorithm')!.noEffectSince, undefined);
    assert.equal(ciliumField(kops('v1.34.0'), 'bpfLBAlgorithm')!.noEffectSince, 'v1.34.0');
    assert.equal(firstKopsWith('metrics'), 'v1.24.0');
    assert.equal(firstKopsWith('noSuchKey'), undefined);
    assert.equal(ciliumField(NEWEST, 'memoryRequest')!.type, 'quantity');
    assert.equal(ciliumField(NEWEST, 'extraConfig')!.type, 'stringMap');
  });

  it('gives defaults as kops applied them at each release', function () {
    assert.equal(ciliumField(kops('v1.18.0'), 'version')!.default, 'v1.7.5');
    assert.equal(ciliumField(kops('v1.25.3'), 'version')!.default, 'v1.11.11');
    assert.equal(ciliumField(kops('v1.34.1'), 'version')!.default, 'v1.18.2');
    assert.equal(ciliumField(kops('v1.21.0'), 'disableMasquerade')!.default, undefined);
    assert.equal(ciliumField(kops('v1.22.0'), 'disableMasquerade')!.default, 'false');
    assert.match(ciliumField(kops('v1.23.0'), 'disableMasquerade')!.defaultNote!, /eni/);
    assert.doesNotMatch(ciliumField(NEWEST, 'disableMasquerade')!.defaultNote!, /eni/);
    assert.equal(ciliumField(kops('v1.18.0'), 'ipam')!.default, undefined);
    assert.equal(ciliumField(kops('v1.19.0'), 'ipam')!.default, 'kubernetes');
    assert.equal(ciliumField(kops('v1.18.0'), 'enableRemoteNodeIdentity')!.default, undefined);
    assert.match(ciliumField(kops('v1.18.0'), 'tunnel')!.defaultNote!, /manifest/);
    assert.equal(ciliumField(kops('v1.22.0'), 'containerRuntimeLabels')!.default, 'none');
    assert.equal(ciliumField(kops('v1.23.0'), 'containerRuntimeLabels')!.default, undefined);
    assert.equal(ciliumField(NEWEST, 'enableNodePort')!.default, undefined);
  });

  it('answers every kops release from v1.18.0 to v1.36.x', function () {
    let previousMinor = 0;
    for (let minor = 18; minor <= 36; minor++) {
      let previous = previousMinor;
      for (let patch = 0; patch <= 9; patch++) {
        const v = kops(`v1.${minor}.${patch}`);
        const count = ciliumFields(v).length;
        assert.ok(count >= previous, v.text);
        previous = count;
        if (patch === 0) previousMinor = count;
        const choices = ciliumVersionChoices(v);
        assert.equal(choices[0], ciliumSupport(v).defaultVersion, v.text);
        assert.equal(new Set(choices).size, choices.length);
      }
    }
  });

  it('offers Cilium versions with the kops default first and checks them as kops does', function () {
    assert.ok(ciliumVersionChoices(kops('v1.25.0'))[0].startsWith('v1.11.'));
    assert.ok(ciliumVersionChoices(kops('v1.25.0')).every((c) => c.startsWith('v1.11.')));
    assert.equal(ciliumVersionChoices(NEWEST)[0], 'v1.18.6');
    assert.deepEqual(ciliumVersionChoices(kops('v1.18.2')), ['v1.7.5', 'v1.6.6']);
    const v125 = kops('v1.25.0');
    assert.equal(ciliumVersionPasses(v125, { major: 1, minor: 12, patch: 0 }), false);
    assert.equal(ciliumVersionPasses(v125, { major: 1, minor: 10, patch: 9 }), true);
    assert.equal(ciliumVersionPasses(v125, { major: 1, minor: 11, patch: 0 }), true);
    assert.equal(ciliumVersionPasses(NEWEST, { major: 2, minor: 18, patch: 0 }), true);
    assert.equal(ciliumVersionPasses(NEWEST, { major: 1, minor: 17, patch: 9 }), false);
    assert.equal(ciliumVersionPasses(kops('v1.18.0'), { major: 9, minor: 0, patch: 0 }), true);
    assert.equal(ciliumSupport(kops('v1.33.1')).detail, 'Only version 1.16 is supported');
    assert.deepEqual(createClusterNetworking(kops('v1.25.9')), ['cilium', 'cilium-etcd']);
    assert.deepEqual(createClusterNetworking(kops('v1.27.0')), ['cilium', 'cilium-etcd', 'cilium-eni']);
  });

  it("links the Cilium docs of the cluster's Cilium minor", function () {
    assert.ok(ciliumDocsUrlForField('enableNodePort', 'v1.15.6')!.includes('/en/v1.15/'));
    assert.equal(
      ciliumDocsUrlForField('bpfLBAlgorithm', 'v1.9.1'),
      'https://docs.cilium.io/en/v1.9/gettingstarted/kubeproxy-free/#maglev-consistent-hashing-beta',
    );
    assert.ok(ciliumDocsUrlForField('disableMasquerade', undefined)!.startsWith('https://docs.cilium.io/en/stable/'));
    assert.ok(ciliumDocsUrlForField('hubble', 'v1.16.0'));
    assert.ok(ciliumDocsUrl('encryptionWireguard', 'v1.9.0')!.includes('/en/stable/'));
    assert.ok(ciliumDocsUrl('ipamHostScope', 'v1.15.0')!.includes('/en/v1.8/'));
    assert.equal(ciliumDocsUrl('noSuchTopic', 'v1.15.0'), undefined);
    assert.equal(ciliumDocsUrlForField('accessLog', 'v1.15.0'), undefined);
    assert.equal(ciliumDocSlug('1.15'), 'v1.15');
    assert.equal(ciliumDocSlug('v1.15.6-rc.1'), 'v1.15');
    assert.equal(ciliumDocSlug('v1.21.0-pre.1'), 'stable');
    assert.equal(ciliumDocSlug('v1.7.5'), 'stable');
    assert.equal(ciliumDocSlug(undefined), 'stable');
    assert.equal(effectiveCiliumVersion(undefined, kops('v1.30.0')), 'v1.15.6');
    assert.equal(effectiveCiliumVersion(1.16, kops('v1.30.0')), 'v1.15.6');
    assert.equal(effectiveCiliumVersion('v1.16.1', kops('v1.30.0')), 'v1.16.1');
    assert.match(KOPS_CILIUM_DOCS, /^https:\/\/kops\.sigs\.k8s\.io\//);
  });
});
