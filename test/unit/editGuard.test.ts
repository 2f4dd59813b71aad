import { strict as assert } from 'assert';
import { codeActions } from '../../server/src/engine/features/codeActions';
import { diagnose } from '../../server/src/engine/checks/diagnostics';
import { parseFile, type ParsedFile } from '../../server/src/engine/document/documents';
import { editProblems, WithheldEdit, type OfferedEdit } from '../../server/src/engine/features/editGuard';
import { ciliumEncryptionInfo } from '../../server/src/engine/features/ciliumEncryption';
import { effectiveKopsVersion } from '../../server/src/engine/kops/effectiveVersion';
import type { ErrorSink } from '../../server/src/engine/errorBoundary';
import type { TextEdit } from '../../server/src/engine/types';
import { applyEdits } from '../helpers/applyEdits';
import { positionOf } from '../helpers/marker';
import { kopsDocument } from '../helpers/kopsText';

const CLUSTER = kopsDocument('Cluster', 'demo.example.com', [
  '  kubernetesVersion: 1.32.0',
  '  kubeProxy:',
  '    enabled: true',
  '  networking:',
  '    # Cilium, as the platform team asked',
  '    cilium:',
  '      enableNodePort: true',
  '      tunnel: vxlan',
]);

/** An edit replacing the first `find` in `text` with `by`. */
function replacing(text: string, find: string, by: string): TextEdit {
  const start = positionOf(text, find);
  const end = positionOf(text, find, find.length);
  return { range: { start, end }, newText: by };
}

const offer = (edits: TextEdit[], extra: Partial<OfferedEdit> = {}): OfferedEdit => ({
  title: 'hand-made',
  edits,
  touches: [['spec', 'networking', 'cilium']],
  ...extra,
});

const problems = (text: string, offered: OfferedEdit) => editProblems(parseFile(text), offered);

describe('the edit guard', () => {
  it('lets a clean edit of the key it names through', () => {
    assert.deepEqual(problems(CLUSTER, offer([replacing(CLUSTER, 'tunnel: vxlan', 'tunnel: geneve')])), []);
  });

  it('withholds an edit whose range lies past the end of a line or of the text (applied clamped, it would look clean)', () => {
    const { line } = positionOf(CLUSTER, 'tunnel: vxlan');
    const lastLine = CLUSTER.split('\n').length - 1;
    const pastTheLine = { range: { start: { line, character: 14 }, end: { line, character: 30 } }, newText: 'geneve' };
    const pastTheText = { range: { start: { line: lastLine + 1, character: 0 }, end: { line: lastLine + 1, character: 0 } }, newText: '' };
    assert.match(problems(CLUSTER, offer([pastTheLine])).join(), /an edit's range \d+:14-\d+:30 is not inside the text/);
    assert.match(problems(CLUSTER, offer([pastTheText])).join(), /is not inside the text/);
    assert.deepEqual(problems(CLUSTER, offer([{ ...pastTheLine, range: { ...pastTheLine.range, end: { line, character: 19 } } }])), []);
  });

  it('withholds an edit that drops a comment line', () => {
    const edit = replacing(CLUSTER, '    # Cilium, as the platform team asked\n', '');
    assert.match(problems(CLUSTER, offer([edit])).join(), /comment line "# Cilium, as the platform team asked"/);
  });

  it('withholds an edit that drops the trailing comment of a line it keeps, not one that removes the key with its comment', () => {
    const text = CLUSTER.replace('tunnel: vxlan', 'tunnel: vxlan # overlay until the VPC peering lands');
    assert.match(
      problems(text, offer([replacing(text, 'vxlan # overlay until the VPC peering lands', 'geneve')])).join(),
      /of a line it keeps/,
    );
    assert.deepEqual(problems(text, offer([replacing(text, '      tunnel: vxlan # overlay until the VPC peering lands\n', '')])), []);
  });

  it('withholds an edit that breaks the YAML', () => {
    assert.match(
      problems(CLUSTER, offer([replacing(CLUSTER, 'tunnel: vxlan', 'tunnel: "vxlan')])).join(),
      /turns valid YAML into a syntax error/,
    );
  });

  it('withholds an edit that changes another `---` document', () => {
    const group = kopsDocument('InstanceGroup', 'nodes', ['  role: Node', '  minSize: 1']);
    const text = `${CLUSTER}---\n${group}`;
    const across = replacing(text, 'tunnel: vxlan\n---\napiVersion', 'tunnel: vxlan\n---\napiVersion');
    assert.match(problems(text, offer([across])).join(), /spans the `---`/);
    const merged = replacing(text, 'tunnel: vxlan\n---\n', 'tunnel: vxlan\n');
    assert.match(problems(text, offer([merged])).join(), /adds or removes a `---` document/);
    const elsewhere = replacing(text, 'minSize: 1', 'minSize: 2');
    assert.deepEqual(problems(text, offer([elsewhere], { touches: [['spec', 'minSize']] })), [], 'an edit inside the other document alone');
  });

  it('withholds an edit that changes a key it does not name', () => {
    const edit = replacing(CLUSTER, 'enabled: true', 'enabled: false');
    assert.match(problems(CLUSTER, offer([edit])).join(), /it changes spec\.kubeProxy\.enabled, which it does not name/);
    assert.deepEqual(problems(CLUSTER, offer([edit], { touches: [['spec', 'kubeProxy', 'enabled']] })), []);
  });

  it('withholds an idempotent action that, computed again on its result, changes the text again', () => {
    const text = kopsDocument('Cluster', 'demo.example.com', ['  additionalSans:', '  - api.internal']);
    const appendSan = (file: ParsedFile): TextEdit[] => {
      const end = file.lines.positionAt(file.text.length);
      return [{ range: { start: end, end }, newText: '  - api.example.com\n' }];
    };
    const appending = offer(appendSan(parseFile(text)), { touches: [['spec', 'additionalSans']] });
    assert.match(problems(text, { ...appending, again: appendSan }).join(), /applied a second time, it changes the text again/);
    assert.deepEqual(problems(text, { ...appending, again: () => [] }), []);
    assert.deepEqual(problems(text, appending), [], 'an action not meant to be idempotent is not applied twice');
  });
});

describe('the edit guard on code actions', () => {
  const withheldBy = (text: string, kopsVersion: string, anchor: string) => {
    const file = parseFile(text);
    const eff = effectiveKopsVersion(file, { kopsVersion });
    const withheld: WithheldEdit[] = [];
    const sink: ErrorSink = (error) => withheld.push(error as WithheldEdit);
    const at = positionOf(text, anchor);
    const actions = codeActions(file, eff, { start: at, end: at }, diagnose(file, eff), undefined, sink);
    return { withheld, actions, text };
  };

  // Fuzz mutant --seed 424522 (case-078 at v1.18.0): an unterminated quote runs on over the comment lines below it,
  // so removing the key it belongs to took them along.
  it('offers no removal of a key whose unterminated value swallowed the comment lines below it', () => {
    const text = [
      'apiVersion: kops.k8s.io/v1alpha2',
      'kind: Cluster',
      'metadata:',
      '  name: case-078.example.com',
      'spec:',
      '  kubernetesVersion: 1.25.0',
      '  cloudProvider: aws',
      '  networking:',
      '    cilium:',
      '      ipv6Node: "unterminated',
      '      ipam: eni',
      '#   detail: Masquerade must be disabled when ENI IPAM is used',
      'apiVersion: kops.k8s.io/v1alpha2',
      '',
    ].join('\n');
    const { withheld, actions } = withheldBy(text, 'v1.18.0', 'ipv6Node');
    // YamlEditor now refuses to build this removal (document/editSafety.ts); the guard holds back what still gets through.
    assert.ok(withheld.every((w) => w instanceof WithheldEdit));
    for (const action of actions) assert.match(applyEdits(text, action.edits), /# {3}detail: Masquerade/, action.title);
  });

  // Fuzz mutant --seed 443883 (case-084): a tag on `cilium:` with its block below; removing `version`, the block's
  // only key, left the tag holding nothing and the YAML broken.
  it('offers no removal of the only key under a tagged mapping that breaks the YAML', () => {
    const text = [
      'apiVersion: kops.k8s.io/v1alpha2',
      'kind: Cluster',
      'metadata:',
      '  name: case-084.example.com',
      'spec:',
      '  kubernetesVersion: 1.25.0',
      '  networking:',
      '    cilium: !<tag:yaml.org,2002:str> ',
      '      version: v1.12.0',
      '',
    ].join('\n');
    const { withheld, actions } = withheldBy(text, 'v1.25.0', 'v1.12.0');
    assert.ok(withheld.every((w) => w instanceof WithheldEdit));
    for (const action of actions) {
      const after = parseFile(applyEdits(text, action.edits));
      assert.deepEqual(
        after.documents.flatMap((d) => d.yaml.errors.map((e) => e.message)),
        [],
        action.title,
      );
    }
  });

  // CI fuzz profile, mutants 640 (case-037 with an anchor on `cilium:` that an alias elsewhere uses): filling the
  // empty block, or turning `{}` into a block, dropped the anchor.
  for (const cilium of ['    cilium: &a', '    cilium: &a {}']) {
    it(`never offers IPsec settings that drop the anchor of \`${cilium.trim()}\``, () => {
      const text = kopsDocument('Cluster', 'demo.example.com', ['  kubernetesVersion: 1.25.0', '  networking:', cilium, '  kubeDNS: *a']);
      const file = parseFile(text);
      const withheld: unknown[] = [];
      const info = ciliumEncryptionInfo(file, effectiveKopsVersion(file, {}), undefined, (error) => withheld.push(error));
      if (info.settingsEdits.length) assert.match(applyEdits(text, info.settingsEdits), /\n {4}cilium: &a/);
      else
        assert.ok(
          withheld.every((w) => w instanceof WithheldEdit && /anchor &a/.test(w.message)),
          String(withheld),
        );
    });
  }

  // CI fuzz profile (case-037 with `clusterDNS: &a …` aliased by `serverIP: *a`): removing the key left the alias
  // without its anchor, which the guard withheld; the fix is no longer built.
  it('offers no removal of a key whose anchor an alias elsewhere uses', () => {
    const text = kopsDocument('Cluster', 'demo.example.com', [
      '  kubernetesVersion: 1.19.0',
      '  kubelet:',
      '    clusterDNS: &a 100.64.0.10',
      '  kubeDNS:',
      '    serverIP: *a',
      '    nodeLocalDNS:',
      '      enabled: true',
      '  networking:',
      '    cilium: {}',
    ]);
    const { withheld, actions } = withheldBy(text, 'v1.19.0', '100.64.0.10');
    assert.deepEqual(withheld, []);
    for (const action of actions) assert.match(applyEdits(text, action.edits), /clusterDNS: &a 100\.64\.0\.10/, action.title);
    const unaliased = text.replace('serverIP: *a', 'serverIP: 100.64.0.10');
    assert.ok(withheldBy(unaliased, 'v1.19.0', '100.64.0.10').actions.some((a) => !/clusterDNS/.test(applyEdits(unaliased, a.edits))));
  });
});
