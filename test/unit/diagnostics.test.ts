import { strict as assert } from 'assert';
import { diagnose, documentFindings } from '../../server/src/engine/checks/diagnostics';
import type { ErrorContext } from '../../server/src/engine/errorBoundary';
import { parseFile } from '../../server/src/engine/document/documents';
import { effectiveKopsVersion } from '../../server/src/engine/kops/effectiveVersion';
import type { Finding, Position } from '../../server/src/engine/types';
import { applyEdits } from '../helpers/applyEdits';
import { positionOf } from '../helpers/marker';
import { kopsDocument } from '../helpers/kopsText';

const FIELD_CODES = [
  'cilium-unknown-key',
  'cilium-key-too-new',
  'cilium-type',
  'cilium-enum',
  'cilium-dead-key',
  'cilium-no-effect',
  'cilium-no-effect-per-kops',
];

const check = (text: string, kopsVersion = 'v1.36.2'): Finding[] => {
  const file = parseFile(text);
  return diagnose(file, effectiveKopsVersion(file, { kopsVersion }));
};
const fieldFindings = (text: string, kopsVersion?: string): Finding[] =>
  check(text, kopsVersion).filter((f) => FIELD_CODES.includes(f.code));

/** A Cluster whose spec.networking.cilium block is `body` (lines written at the block's indentation). */
const cluster = (body: string, api?: string): string =>
  kopsDocument(
    'Cluster',
    'a.example.com',
    ['  kubernetesVersion: 1.32.0', '  networking:', '    cilium:', ...body.split('\n').map((l) => `      ${l}`)],
    api,
  );

const at = (text: string, anchor: string, offset = 0): Position => positionOf(text, anchor, offset);
const only = (findings: Finding[], code: string): Finding => {
  const matching = findings.filter((f) => f.code === code);
  assert.equal(matching.length, 1, `expected one ${code}, got ${JSON.stringify(findings.map((f) => f.code))}`);
  return matching[0];
};
const quoted = (message: string): string[] => [...message.matchAll(/"([^"]+)"/g)].map((m) => m[1]);

describe('diagnostics: spec.networking.cilium fields', () => {
  describe('unknown keys', () => {
    it('warns about a typo and suggests the real key first', () => {
      const text = cluster('enableNodeport: true');
      const f = only(fieldFindings(text), 'cilium-unknown-key');
      assert.equal(f.severity, 'warning');
      assert.deepEqual(f.range.start, at(text, 'enableNodeport'));
      assert.deepEqual(f.range.end, at(text, 'enableNodeport', 'enableNodeport'.length));
      assert.equal(f.path, 'spec.networking.cilium.enableNodeport');
      assert.match(
        f.message,
        /^kops v1\.36\.2 ignores unknown key "enableNodeport" under spec\.networking\.cilium: did you mean "enableNodePort"/,
      );
      assert.deepEqual(quoted(f.message).slice(1), ['enableNodePort']);
      assert.equal(f.fixes![0].preferred, true);
      assert.equal(applyEdits(text, f.fixes![0].edits), cluster('enableNodePort: true'));
    });

    it('suggests only close keys, and none when nothing is close', () => {
      const close = only(fieldFindings(cluster('enablePolicies: default')), 'cilium-unknown-key');
      assert.deepEqual(quoted(close.message), ['enablePolicies', 'enablePolicy']);
      const none = only(fieldFindings(cluster('completelyUnrelatedThing: 1')), 'cilium-unknown-key');
      assert.doesNotMatch(none.message, /did you mean/);
      assert.equal(none.fixes, undefined);
    });

    it('checks the keys of hubble, ingress and gatewayAPI too', () => {
      const text = cluster('hubble:\n  enabeld: true');
      const f = only(fieldFindings(text), 'cilium-unknown-key');
      assert.equal(f.path, 'spec.networking.cilium.hubble.enabeld');
      assert.match(f.message, /under spec\.networking\.cilium\.hubble: did you mean "enabled"/);
      assert.deepEqual(f.range.start, at(text, 'enabeld'));
    });

    it('says when a key only exists in a newer kops', () => {
      const text = `# kops-version: v1.30.0\n${cluster('bpfLBSock: true')}`;
      const f = only(fieldFindings(text), 'cilium-key-too-new');
      assert.equal(f.message, 'kops v1.30.0 ignores bpfLBSock, which kops v1.36.0 added: remove it or upgrade kops.');
      assert.deepEqual(f.range.start, at(text, 'bpfLBSock'));
      assert.deepEqual(fieldFindings(cluster('bpfLBSock: true')), []);
    });

    it('reads v1alpha3 documents with their own key names', () => {
      assert.deepEqual(fieldFindings(cluster('masquerade: false\nipam: eni\nhubble:\n  enabled: true', 'v1alpha3')), []);
      const f = only(fieldFindings(cluster('disableMasquerade: true', 'v1alpha3')), 'cilium-unknown-key');
      assert.equal(f.path, 'spec.networking.cilium.disableMasquerade');
    });
  });

  describe('value types', () => {
    it('rejects a quoted boolean, with the range on the value', () => {
      const text = cluster('enableNodePort: "true"');
      const f = only(fieldFindings(text), 'cilium-type');
      assert.equal(f.severity, 'error');
      assert.deepEqual(f.range.start, at(text, '"true"'));
      assert.match(f.message, /^enableNodePort must be true or false, not the string "true"/);
      assert.match(f.docs!, /^https:\/\/docs\.cilium\.io\//);
    });

    it('accepts what kops reads as YAML 1.1 (yes/on are booleans, 1_000 an integer)', () => {
      assert.deepEqual(fieldFindings(cluster('enableNodePort: yes\nenableL7Proxy: on\nagentPrometheusPort: 9_090')), []);
    });

    it('rejects a number or an unquoted YAML 1.1 boolean in a string field and offers to quote it', () => {
      const text = cluster('clusterName: 123\nregistry: off');
      const found = fieldFindings(text).filter((f) => f.code === 'cilium-type');
      assert.deepEqual(
        found.map((f) => f.path),
        ['spec.networking.cilium.clusterName', 'spec.networking.cilium.registry'],
      );
      assert.deepEqual(found[0].range.start, at(text, '123'));
      assert.match(found[1].message, /kops reads as a boolean/);
      assert.equal(applyEdits(text, found[0].fixes![0].edits), cluster('clusterName: "123"\nregistry: off'));
    });

    it('checks integers and Kubernetes quantities', () => {
      assert.deepEqual(fieldFindings(cluster('agentPrometheusPort: 9090\nmemoryRequest: 128Mi\ncpuRequest: 0.5')), []);
      const text = cluster('agentPrometheusPort: "9090"\nmemoryRequest: 128MB\ncpuRequest: 25m');
      const found = fieldFindings(text);
      assert.deepEqual(
        found.map((f) => `${f.code} ${f.path}`),
        ['cilium-type spec.networking.cilium.agentPrometheusPort', 'cilium-type spec.networking.cilium.memoryRequest'],
      );
      assert.deepEqual(found[1].range.start, at(text, '128MB'));
    });

    it('checks list items and map values one by one', () => {
      const text = cluster('metrics:\n- drop\n- 5\nextraConfig:\n  bpf-lb-sock: true\n  good: "yes"');
      const found = fieldFindings(text);
      assert.deepEqual(
        found.map((f) => f.path),
        ['spec.networking.cilium.metrics[1]', 'spec.networking.cilium.extraConfig.bpf-lb-sock'],
      );
      assert.deepEqual(found[0].range.start, at(text, '5\n'));
      assert.deepEqual(found[1].range.start, at(text, 'true'));
    });

    it('wants a map for hubble and a list for agentLabels; an empty value is fine', () => {
      const found = fieldFindings(cluster('hubble: true\nagentLabels: drop\ncontainerRuntime:\nenableNodePort:'), 'v1.22.0');
      assert.deepEqual(
        found.filter((f) => f.code !== 'cilium-no-effect-per-kops').map((f) => `${f.code} ${f.path}`),
        ['cilium-type spec.networking.cilium.hubble', 'cilium-type spec.networking.cilium.agentLabels'],
      );
    });
  });

  describe('enumerations', () => {
    it('warns about a value outside a documented-only enumeration', () => {
      const text = cluster('chainingMode: calico');
      const f = only(fieldFindings(text), 'cilium-enum');
      assert.equal(f.severity, 'warning');
      assert.deepEqual(f.range.start, at(text, 'calico'));
      assert.deepEqual(fieldFindings(cluster('chainingMode: portmap')), []);
    });

    it('leaves enumerations kops enforces to the kops rules', () => {
      assert.deepEqual(fieldFindings(cluster('tunnel: ipip')), []);
    });
  });

  describe('dead and no-effect keys', () => {
    it('tags a key kops discards as deprecated and offers to remove it', () => {
      const text = cluster('bpfRoot: /sys/fs/bpf\nenableNodePort: true');
      const f = only(fieldFindings(text), 'cilium-dead-key');
      assert.equal(f.severity, 'warning');
      assert.equal(f.message, 'kops v1.36.2 drops bpfRoot (since v1.23): remove it.');
      assert.deepEqual(f.tags, ['deprecated']);
      assert.deepEqual(f.range.start, at(text, 'bpfRoot'));
      assert.equal(applyEdits(text, f.fixes![0].edits), cluster('enableNodePort: true'));
      assert.deepEqual(
        fieldFindings(text, 'v1.21.0').map((x) => x.code),
        ['cilium-no-effect-per-kops'],
      );
    });

    it('marks a key that no longer has an effect as unnecessary', () => {
      const text = cluster('enablePolicy: always');
      const f = only(fieldFindings(text), 'cilium-no-effect');
      assert.equal(f.severity, 'hint');
      assert.deepEqual(f.tags, ['unnecessary']);
      assert.match(f.message, /^kops v1\.36\.2 no longer passes enablePolicy to Cilium \(since v1\.34\)/);
      assert.deepEqual(fieldFindings(text, 'v1.30.0'), []);
    });

    it("warns before v1.23 about a key kops' own comment says does nothing, on the key", () => {
      const text = cluster('agentLabels:\n- a=b\nenableNodePort: true');
      const f = only(fieldFindings(text, 'v1.22.6'), 'cilium-no-effect-per-kops');
      assert.equal(f.severity, 'warning');
      assert.equal(f.message, "agentLabels does nothing at kops v1.22.6 (kops' comment: not implemented): remove it.");
      assert.equal(f.path, 'spec.networking.cilium.agentLabels');
      assert.deepEqual(f.tags, ['deprecated']);
      assert.deepEqual(f.range, { start: at(text, 'agentLabels'), end: at(text, 'agentLabels', 'agentLabels'.length) });
      assert.deepEqual(
        fieldFindings(text, 'v1.23.0').map((x) => [x.code, x.message]),
        [['cilium-dead-key', 'kops v1.23.0 drops agentLabels (since v1.23): remove it.']],
      );
    });

    it("follows the releases kops' comment names, and leaves keys it says nothing about alone", () => {
      const ipv4 = cluster('enableipv4: true');
      assert.deepEqual(fieldFindings(ipv4, 'v1.18.3'), []);
      assert.match(only(fieldFindings(ipv4, 'v1.19.0'), 'cilium-no-effect-per-kops').message, /^enableipv4 does nothing at kops v1\.19\.0/);
      assert.match(
        only(fieldFindings(cluster('containerRuntimeLabels: none'), 'v1.20.0'), 'cilium-no-effect-per-kops').message,
        /\(kops' comment: ignored\)/,
      );
      assert.deepEqual(fieldFindings(cluster('ipam: crd'), 'v1.22.6'), []);
    });

    it('does not offer to remove the only key (an empty cilium: would turn Cilium off)', () => {
      const f = only(fieldFindings(cluster('bpfRoot: /sys/fs/bpf')), 'cilium-dead-key');
      assert.equal(f.fixes, undefined);
    });
  });
});

describe('diagnostics: assembling a file', () => {
  it('leaves a Deployment in a kops file alone, even when it looks like a broken Cluster', () => {
    const deployment =
      '---\napiVersion: apps/v1\nkind: Deployment\nspec:\n  networking:\n    cilium:\n      enableNodeport: "x"\n  bad: [\n';
    const text = cluster('enableNodeport: true') + deployment;
    const start = text.indexOf(deployment);
    const deploymentLine = text.slice(0, start).split('\n').length - 1;
    const findings = check(text);
    assert.deepEqual(
      findings.map((f) => [f.code, f.range.start]),
      [['cilium-unknown-key', at(text, 'enableNodeport')]],
    );
    assert.deepEqual(
      findings.filter((f) => f.range.start.line >= deploymentLine),
      [],
    );
  });

  it('gives nothing for an empty file or one without kops documents', () => {
    assert.deepEqual(check(''), []);
    assert.deepEqual(check('\n\n# just a comment\n'), []);
    assert.deepEqual(check('apiVersion: v1\nkind: ConfigMap\ndata: {a: [\n'), []);
  });

  it('reports YAML syntax errors of a kops document where they are, and trusts only the part before them', () => {
    const text = cluster('enableNodeport: true\nbpfRoot: [oops\nipam: eni');
    const findings = check(text);
    assert.deepEqual(
      findings.map((f) => f.code),
      ['cilium-unknown-key', 'cilium-dead-key', 'cilium-type', 'yaml-syntax'],
    );
    const syntax = only(findings, 'yaml-syntax');
    assert.equal(syntax.severity, 'error');
    assert.deepEqual(syntax.range.start, at(text, 'ipam'), 'the unclosed `[` shows where the next key starts');
    assert.ok(findings.every((f) => f.code === 'yaml-syntax' || f.range.end.line <= syntax.range.start.line));
  });

  it('reports the duplicate key kops would choke on', () => {
    const text = cluster('ipam: eni\nipam: crd');
    const f = check(text).find((x) => x.code === 'yaml-syntax');
    assert.ok(f);
    assert.deepEqual(f.range.start, at(text, 'ipam: crd'));
  });

  it('answers broken input with the findings that apply, never an exception', () => {
    const header = 'apiVersion: kops.k8s.io/v1alpha2\nkind: Cluster\n';
    const garbage: Array<[string, string[]]> = [
      ['\u0000\u0001\u0002\uFFFD\uFFFDPNG\r\n\u001a\n\u0000\u0000', ['file-not-text']],
      [`${header}\u0000\u0007spec: {networking: {cilium: [\u0000`, ['file-not-text']],
      [`${header}spec: &a\n  networking: &b {cilium: *b}\n  x: *a\n`, ['schema-unknown-key']],
      [`${header}spec:\n  networking:\n    cilium: "just a string"\n`, ['schema-type']],
      [
        `${header}spec:\n  networking:\n    cilium:\n      ? [a, b]\n      : 1\n      !!binary x: 2\n      hubble: [1, 2]\n`,
        ['cilium-unknown-key', 'cilium-type'],
      ],
      [`${header}---\n---\n\t- :\n%YAML 9\n`, []],
      [`${header}spec:\n  a:\n${'['.repeat(500)}\n`, ['document-too-complex']],
    ];
    for (const [text, codes] of garbage)
      assert.deepEqual(
        check(text).map((f) => f.code),
        codes,
        JSON.stringify(text.slice(0, 60)),
      );
  });

  it('includes the problem with a bad # kops-version: comment', () => {
    const text = `# kops-version: v1.99.0\n${cluster('ipam: eni')}`;
    const f = check(text).find((x) => x.code === 'kops-version-unknown');
    assert.ok(f);
    assert.equal(f.severity, 'error');
    assert.deepEqual(f.range.start, at(text, 'v1.99.0'));
  });

  it('sorts findings by position across producers', () => {
    const text = `${cluster('enableNodeport: true\nenableL7Proxy: "no"')}  zzzUnknownTopLevel: 1\n`;
    assert.deepEqual(
      check(text).map((f) => [f.code, f.range.start]),
      [
        ['cilium-unknown-key', at(text, 'enableNodeport')],
        ['cilium-type', at(text, '"no"')],
        ['schema-unknown-key', at(text, 'zzzUnknownTopLevel')],
      ],
    );
  });

  it('a check that throws is reported and costs only its own findings', () => {
    const text = `${cluster('ipam: eni\nipam: crd')}---\n${cluster('enableNodeport: true')}`;
    const file = parseFile(text);
    const poisoned = file.documents[0];
    const contents = new Proxy(poisoned.yaml.contents as object, {
      get(target, key, receiver) {
        if (key === 'items') throw new Error('boom');
        return Reflect.get(target, key, receiver);
      },
    });
    const yaml = new Proxy(poisoned.yaml, { get: (t, k, r) => (k === 'contents' ? contents : Reflect.get(t, k, r)) });
    const broken = { ...file, documents: [{ ...poisoned, yaml, offset: poisoned.offset }, file.documents[1]] };
    const eff = effectiveKopsVersion(file, {});
    assert.throws(() => diagnose(broken, eff), /boom/, 'without a sink the error fails the caller');
    const reported: ErrorContext[] = [];
    const findings = diagnose(broken, eff, (doc, v) => documentFindings(doc, v, { onError: (_, context) => reported.push(context) }));
    assert.deepEqual(reported, [{ feature: 'diagnostics: cilium fields' }]);
    const typo = findings.find((f) => f.code === 'cilium-unknown-key');
    assert.ok(typo);
    assert.equal(typo.range.start.line, at(text, 'enableNodeport').line);
    const duplicate = findings.find((f) => f.code === 'yaml-syntax');
    assert.ok(duplicate, 'the syntax error of the poisoned document survives its failing checks');
    assert.deepEqual(duplicate.range.start, at(text, 'ipam: crd'));
  });
});
