import { strict as assert } from 'assert';
import { KOPS_CILIUM_DOCS } from '../../server/src/engine/kops/catalog/docsLinks';
import { parseFile } from '../../server/src/engine/document/documents';
import { effectiveKopsVersion } from '../../server/src/engine/kops/effectiveVersion';
import { hover, type HoverResult } from '../../server/src/engine/features/hover';
import { withCursor } from '../helpers/marker';
import { kopsDocument, kopsHeader } from '../helpers/kopsText';

const CLUSTER = kopsHeader('Cluster', 'a.example.com');
const CILIUM = `${CLUSTER}spec:\n  networking:\n    cilium:\n`;

function hoverAt(marked: string): HoverResult | undefined {
  const { text, position } = withCursor(marked);
  const file = parseFile(text);
  return hover(file, position, effectiveKopsVersion(file, {}));
}

function card(marked: string): string {
  const result = hoverAt(marked);
  assert.ok(result, 'expected a hover');
  return result.contents;
}

const links = (markdown: string): string[] => [...markdown.matchAll(/\]\((https?:[^)]+)\)/g)].map((m) => m[1]);

describe('hover', () => {
  it('Cilium key: links the Cilium docs of the spec version and the kops guide', () => {
    const md = card(`${CILIUM}      version: v1.15.6\n      enableNode|Port: true\n`);
    const urls = links(md);
    assert.equal(urls.length, 2);
    assert.ok(urls[0].includes('/en/v1.15/'), urls[0]);
    assert.equal(urls[1], KOPS_CILIUM_DOCS);
  });

  it('without a spec version the kops default Cilium minor is linked', () => {
    assert.ok(links(card(`${CILIUM}      enableNode|Port: true\n`))[0].includes('/en/v1.18/'));
    assert.ok(links(card(`# kops-version: v1.25.0\n${CILIUM}      enableNode|Port: true\n`))[0].includes('/en/v1.11/'));
  });

  it('a short card: name, type, default, allowed values, summary', () => {
    const md = card(`${CILIUM}      ip|am: eni\n`);
    assert.ok(md.startsWith('**ipam** · string · kops v1.36.2 default `kubernetes` · `hostscope` | `kubernetes` | `crd` | `eni`'), md);
    assert.ok(md.split('\n').length <= 8, md);
  });

  it('retired keys say so', () => {
    assert.match(card(`${CILIUM}      bpf|Root: /sys/fs/bpf\n`), /dead since v1\.23 \(kops drops it\)/i);
    assert.match(card(`${CILIUM}      enable|Policy: default\n`), /no effect since v1\.34/i);
    assert.doesNotMatch(card(`# kops-version: v1.30.0\n${CILIUM}      enable|Policy: default\n`), /no effect/i);
  });

  it("before v1.23 a key kops' own comment says does nothing: what the comment says and in which releases", () => {
    const md = card(`# kops-version: v1.22.6\n${CILIUM}      agent|Labels: [a=b]\n`);
    assert.match(md, /⚠ No effect from v1\.18 until v1\.23 \(kops' comment: not implemented\)/);
    assert.match(
      card(`# kops-version: v1.20.0\n${CILIUM}      enable|ipv4: true\n`),
      /No effect from v1\.19 until v1\.23 \(kops' comment: not implemented\)/,
    );
    assert.doesNotMatch(card(`# kops-version: v1.23.0\n${CILIUM}      agent|Labels: [a=b]\n`), /kops' comment/);
    assert.doesNotMatch(card(`# kops-version: v1.22.6\n${CILIUM}      ip|am: crd\n`), /⚠/);
  });

  it('nested and flow keys', () => {
    assert.match(card(`${CILIUM}      hubble:\n        ena|bled: true\n`), /^\*\*enabled\*\* · boolean/);
    assert.match(card(`${CLUSTER}spec:\n  networking:\n    cilium: {ip|am: eni}\n`), /^\*\*ipam\*\*/);
  });

  it('v1alpha3 inverted names explain the flip', () => {
    const md = card(`${CLUSTER.replace('v1alpha2', 'v1alpha3')}spec:\n  networking:\n    cilium:\n      masq|uerade: false\n`);
    assert.match(md, /^\*\*masquerade\*\* · boolean · kops v1\.36\.2 default `true`/);
    assert.match(md, /disableMasquerade/);
  });

  it('a Cilium key the kops version does not know yet', () => {
    assert.match(
      card(`# kops-version: v1.25.0\n${CILIUM}      extra|Config: {}\n`),
      /not a key of kops v1\.25\.0; kops has it since v1\.36/,
    );
  });

  it('other kops keys: type and the first sentence of the CRD description', () => {
    const md = card(`${CLUSTER}spec:\n  kubeProxy:\n    ena|bled: false\n`);
    assert.equal(md.split('\n\n')[0], '**enabled** · boolean');
    assert.ok(md.split('\n\n').length === 2);
    const ig = card(kopsDocument('InstanceGroup', 'n', ['  machine|Type: t3.medium']));
    assert.match(ig, /^\*\*machineType\*\* · string\n\n\S/);
  });

  it('other kops keys: the kops release that brought or removed them', () => {
    const kubelet = (version: string, key: string): string =>
      card(`# kops-version: ${version}\n${CLUSTER}spec:\n  kubelet:\n    ${key}: true\n`);
    assert.equal(kubelet('v1.27.2', 'seccomp|Default').split('\n\n')[0], '**seccompDefault** · boolean · since kops v1.27.2');
    assert.equal(
      kubelet('v1.26.6', 'seccomp|Default').split('\n\n')[0],
      '**seccompDefault** · boolean · since kops v1.26.6 · removed in kops v1.27',
    );
    assert.equal(
      kubelet('v1.27.1', 'seccomp|Default'),
      '**seccompDefault** · not a key of kops v1.27.1; kops has it in v1.26.6 and since v1.27.2',
    );
    const apiServer = card(`# kops-version: v1.30.1\n${CLUSTER}spec:\n  kubeAPIServer:\n    targetRam|Mb: 1024\n`);
    assert.equal(apiServer.split('\n\n')[0], '**targetRamMb** · integer · removed in kops v1.30.2');
    const ig = card(`# kops-version: v1.25.0\n${kopsDocument('InstanceGroup', 'n', ['  gcpProvisioning|Model: SPOT'])}`);
    assert.equal(ig.split('\n\n')[0], '**gcpProvisioningModel** · string · since kops v1.25');
  });

  it('the range is the key', () => {
    const { text, position } = withCursor(`${CILIUM}      ip|am: eni\n`);
    const file = parseFile(text);
    const r = hover(file, position, effectiveKopsVersion(file, {}))!.range;
    assert.equal(text.slice(file.lines.offsetAt(r.start), file.lines.offsetAt(r.end)), 'ipam');
  });

  it('nothing on values, unknown keys, or outside kops documents', () => {
    assert.equal(hoverAt(`${CILIUM}      ipam: e|ni\n`), undefined);
    assert.equal(hoverAt(`${CLUSTER}spec:\n  noSuch|Key: 1\n`), undefined);
    assert.equal(hoverAt(`${CLUSTER}spec:\n  kubelet:\n    noSuch|Key: 1\n`), undefined);
    assert.equal(hoverAt(`${CILIUM}      ipam: eni\n---\napiVersion: apps/v1\nkind: Deployment\nspec:\n  repl|icas: 1\n`), undefined);
  });
});
