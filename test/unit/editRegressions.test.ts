import { strict as assert } from 'assert';
import { readFileSync } from 'fs';
import { isDeepStrictEqual } from 'util';
import { parseAllDocuments } from 'yaml';
import { insertCiliumEtcd } from '../../server/src/engine/features/etcd/insertCiliumEtcd';
import { diagnose } from '../../server/src/engine/checks/diagnostics';
import { parseFile, splitDocuments } from '../../server/src/engine/document/documents';
import { effectiveKopsVersion } from '../../server/src/engine/kops/effectiveVersion';
import { fixesFor } from '../../server/src/engine/features/fixes';
import { YamlEditor } from '../../server/src/engine/document/yamlEdit';
import { complete } from '../../server/src/engine/features/completion';
import { codeActions } from '../../server/src/engine/features/codeActions';
import { ciliumEncryptionInfo } from '../../server/src/engine/features/ciliumEncryption';
import { comments, editsProblems } from '../fuzz/invariants';
import { kopsFixture } from '../helpers/fixturePaths';
import { positionOf } from '../helpers/marker';
import { applyEdits } from '../helpers/applyEdits';
import { acceptScenario } from '../helpers/acceptCompletion';
import { kopsDocument } from '../helpers/kopsText';
import { analyse, CLUSTER_HEAD } from '../helpers/fuzzCase';

/**
 * Minimal cases of what the fuzzer (test/fuzz) found in the edits kops-spec offers (yamlEdit.ts, editSafety.ts
 * and their users), each named after the module at fault; regressions.test.ts holds the rest.
 */

const HEAD = CLUSTER_HEAD;

describe('fuzz regressions: edits', function () {
  this.timeout(10_000);

  /** The text with the IPsec key command's "Add to spec" settings edits applied. */
  const ipsecSettings = (text: string): string => {
    const file = parseFile(text);
    return applyEdits(text, ciliumEncryptionInfo(file, effectiveKopsVersion(file, {})).settingsEdits);
  };

  describe('yamlEdit.ts and the kops-version fix', () => {
    const applied = (text: string, code: string, title: RegExp): string => {
      const { file, eff, findings, client } = analyse(text);
      const finding = findings.find((f) => f.code === code);
      assert.ok(finding, findings.map((f) => f.code).join());
      const action = codeActions(file, eff, finding.range, [finding]).find((a) => title.test(a.title));
      assert.ok(action?.edits, JSON.stringify(codeActions(file, eff, finding.range, [finding]).map((a) => a.title)));
      const { applied: after, problems } = editsProblems(client, action.edits, 'fix');
      assert.deepEqual(problems, []);
      return after!;
    };

    it('replacing an empty block scalar (`enabled: >`) keeps the line break after it', () => {
      const text = `${HEAD}  kubernetesVersion: 1.32.0\n  kubeProxy:\n    enabled: >\n  kubelet:\n    anonymousAuth: false\n  networking:\n    cilium:\n      enableNodePort: true\n`;
      const after = applied(text, 'cilium-nodeport-kubeproxy', /kube-proxy/i);
      assert.match(after, /\n {4}enabled: false\n {2}kubelet:\n/);
      assert.deepEqual(
        parseFile(after).documents.flatMap((d) => d.yaml.errors.map((e) => e.message)),
        [],
      );
    });

    it('never suggests renaming an unknown key onto a key already present (it would duplicate it)', () => {
      const text = `apiVersion: kops.k8s.io/v1alpha2\napiVersio: kops.k8s.io/v1alpha2\nkind: Cluster\nmetadata:\n  name: a.example.com\nspec:\n  networking:\n    cilium:\n      ipam: eni\n      ipamm: eni\n`;
      const { file, eff, findings } = analyse(text);
      const unknown = findings.filter((f) => f.code.endsWith('unknown-key'));
      assert.equal(unknown.length, 2, findings.map((f) => f.code).join());
      for (const f of unknown) {
        assert.doesNotMatch(f.message, /did you mean '?`?(apiVersion|ipam)\b/, f.message);
        assert.deepEqual(
          fixesFor(file, eff.version, f)
            .map((x) => x.title)
            .filter((t) => /`(apiVersion|ipam)`/.test(t)),
          [],
        );
      }
    });

    it('a file with lone CR line breaks parses as the editor shows it, and its fixes keep it YAML', () => {
      const text =
        `${HEAD}  kubernetesVersion: 1.32.0\n  kubeProxy:\n    enabled: true\n  networking:\n    cilium:\n      enableNodePort: true\n`.replace(
          /\n/g,
          '\r',
        );
      const { file } = analyse(text);
      assert.deepEqual(
        file.documents.flatMap((d) => d.yaml.errors.map((e) => e.message)),
        [],
      );
      const after = applied(text, 'cilium-nodeport-kubeproxy', /kube-proxy/i);
      assert.deepEqual(
        parseFile(after).documents.flatMap((d) => d.yaml.errors.map((e) => e.message)),
        [],
      );
    });

    it('a fix in a file with lone CR line breaks writes lone CRs, never an LF', () => {
      const text = readFileSync(kopsFixture('specs', 'create_cluster-cilium-eni.yaml'), 'utf8').replace(/\n/g, '\r');
      const { file, eff, client } = analyse(text);
      const result = insertCiliumEtcd(file, eff, positionOf(text, 'etcdClusters'));
      assert.ok('edits' in result && result.edits.length > 0, JSON.stringify(result));
      assert.deepEqual(editsProblems(client, result.edits, 'etcd').problems, []);
      for (const edit of result.edits) assert.doesNotMatch(edit.newText, /\n/);
    });

    it('replacing an unterminated quoted value keeps the line break before the next `---`', () => {
      const text = `${HEAD}  networking:\n    cilium:\n      toFqdnsDnsRejectResponseCode: "unterminated\n---\napiVersion: v1\nkind: ConfigMap\n`;
      const { file, eff, findings } = analyse(text);
      const actions = findings.flatMap((finding) => codeActions(file, eff, finding.range, [finding]));
      assert.ok(
        actions.some((a) => /Change to nameError/.test(a.title)),
        actions.map((a) => a.title).join(),
      );
      for (const action of actions) {
        const after = applyEdits(text, action.edits ?? []);
        assert.equal(splitDocuments(after).length, 2, `${action.title}:\n${after}`);
      }
    });

    it('setting a tagged value replaces the tag too, and the etcd command says when there is nothing to do', () => {
      const text = `${HEAD}  etcdClusters:\n  - name: main\n    etcdMembers:\n    - name: a\n      instanceGroup: cp\n  - name: cilium\n    etcdMembers:\n    - name: a\n      instanceGroup: cp\n  networking:\n    cilium:\n      etcdManaged: !!map true\n`;
      const { file, eff } = analyse(text);
      const result = insertCiliumEtcd(file, eff);
      assert.ok('edits' in result, JSON.stringify(result));
      const after = applyEdits(text, result.edits);
      assert.match(after, /\n {6}etcdManaged: true\n$/);
      const again = parseFile(after);
      assert.deepEqual(insertCiliumEtcd(again, effectiveKopsVersion(again, {})), {
        message: 'Nothing to do: the cluster already has a `cilium` etcd cluster and `etcdManaged: true`.',
      });
    });

    it('removing the last key of a map that becomes `{}` keeps a comment line between the owner and the key', () => {
      const text = `${HEAD}  networking:\n    cilium:\n# note\n      disableMasquerade: false\n`;
      const file = parseFile(text);
      const edits = new YamlEditor(file, file.documents[0]).removeKeyKeepingParent(['spec', 'networking', 'cilium', 'disableMasquerade']);
      assert.equal(applyEdits(text, edits), `${HEAD}  networking:\n    cilium: {}\n# note\n`);
    });

    it('a map emptied that way gets its `{}` after its own anchor or tag, so the YAML stays valid', () => {
      for (const props of ['&k', '!!map', '&k !!map']) {
        const text = `${HEAD}  kubelet: ${props}\n    clusterDNS: 169.254.20.10\n`;
        const file = parseFile(text);
        const after = applyEdits(text, new YamlEditor(file, file.documents[0]).removeKeyKeepingParent(['spec', 'kubelet', 'clusterDNS']));
        assert.equal(after, `${HEAD}  kubelet: ${props} {}\n`);
        assert.deepEqual(
          parseFile(after).documents[0].yaml.errors.map((e) => e.message),
          [],
        );
      }
    });
  });

  describe('yamlEdit.ts and editSafety.ts: an edit keeps what it does not own (issue 15)', () => {
    /** What each action offered on `text` would break: a comment line, valid YAML, an alias. */
    const actionDamage = (text: string, kopsVersion?: string): string[] => {
      const file = parseFile(text);
      const eff = effectiveKopsVersion(file, kopsVersion ? { kopsVersion } : {});
      const findings = diagnose(file, eff);
      const wasValid = file.documents.every((d) => d.yaml.errors.length === 0);
      return findings.flatMap((f) =>
        codeActions(file, eff, f.range, findings).flatMap((action) => {
          const after = applyEdits(text, action.edits ?? []);
          const damage = [];
          if (!isDeepStrictEqual(comments(after), comments(text))) damage.push('a comment line');
          if (wasValid && parseFile(after).documents.some((d) => d.yaml.errors.length > 0)) damage.push('valid YAML');
          if (wasValid && !aliasesResolve(after)) damage.push('an alias');
          return damage.map((what) => `"${action.title}" breaks ${what}`);
        }),
      );
    };
    const aliasesResolve = (text: string): boolean => {
      try {
        parseAllDocuments(text).forEach((d) => d.toJS());
        return true;
      } catch {
        return false;
      }
    };
    const titlesFor = (text: string, code: string, kopsVersion?: string): string[] => {
      const { file, findings } = analyse(text);
      const eff = effectiveKopsVersion(file, kopsVersion ? { kopsVersion } : {});
      const finding = findings.find((f) => f.code === code);
      assert.ok(finding, findings.map((f) => f.code).join());
      return codeActions(file, eff, finding.range, findings).map((a) => a.title);
    };

    it('a dead key whose unterminated quote swallows the comment lines after it is not removed with them (fuzz seed 424522)', () => {
      const text = `${HEAD}  networking:\n    cilium:\n      ipv6Node: "unterminated\n# a comment line to the reader\n      ipam: eni\n`;
      assert.ok(analyse(text).findings.some((f) => f.code === 'cilium-dead-key'));
      assert.deepEqual(actionDamage(text, 'v1.18.0'), []);
    });

    it('removing the last key of a map tagged `!<tag:yaml.org,2002:str>` keeps the YAML valid (fuzz seed 443883)', () => {
      const text = `# kops-version: v1.25.0\n${HEAD}  kubernetesVersion: 1.25.0\n  networking:\n    cilium: !<tag:yaml.org,2002:str>\n      version: v1.12.0\n`;
      const remove = titlesFor(text, 'cilium-version-supported').find((t) => /^Remove \W?version/.test(t));
      assert.ok(remove);
      assert.deepEqual(actionDamage(text), []);
    });

    it('the IPsec settings on lone-CR lines before a CRLF keep their line breaks (fuzz seed 1666302184)', () => {
      const text = `${HEAD}  networking:\n    cilium:\n      ipam: crd\n`.replace(/\n/g, '\r') + '\n---';
      const file = parseFile(text);
      const { settingsEdits } = ciliumEncryptionInfo(file, effectiveKopsVersion(file, {}));
      const after = applyEdits(text, settingsEdits);
      assert.ok(after.includes('ipam: crd\r      enableEncryption: true\r      encryptionType: ipsec\r\n---'), JSON.stringify(after));
      assert.deepEqual(
        parseFile(after).documents.flatMap((d) => d.yaml.errors),
        [],
      );
    });

    it('no fix changes the value on the line right above a line the parser could not read (fuzz seed 158818628)', () => {
      const text = `${HEAD}  networking:\n    cilium:\n     chainingMode: ''\n      ipam: crd\n`;
      assert.ok(analyse(text).findings.some((f) => f.code === 'yaml-syntax'));
      assert.deepEqual(actionDamage(text), []);
      assert.deepEqual(
        titlesFor(text, 'cilium-enum').filter((t) => /^Change to /.test(t)),
        [],
      );
    });

    it('no fix removes or changes a key whose anchor an alias elsewhere uses', () => {
      const text = `# kops-version: v1.25.0\n${HEAD}  kubernetesVersion: 1.25.0\n  networking:\n    cilium:\n      bpfRoot: &root /sys/fs/bpf\n      ipam: kubernetes\n      version: &v v1.12.0\n  kubelet:\n    rootDir: *root\n    podInfraContainerImage: *v\n`;
      assert.ok(analyse(text).findings.some((f) => f.code === 'cilium-dead-key'));
      assert.deepEqual(actionDamage(text), []);
      assert.deepEqual(
        titlesFor(text, 'cilium-dead-key').filter((t) => /bpfRoot/.test(t)),
        [],
      );
    });

    it('nothing is written under an empty value whose anchor an alias uses: no etcd cluster, IPsec settings or scenario (fuzz seed 659181056)', () => {
      const etcd = ['  etcdClusters:', '  - name: main', '    etcdMembers:', '    - name: a', '      instanceGroup: cp'];
      const spec = [...etcd, '  networking:', '    cilium: &a', '  kubelet:', '    podInfraContainerImage: *a'];
      const text = kopsDocument('Cluster', 'a.example.com', spec);
      const { file, eff } = analyse(text);
      assert.match((insertCiliumEtcd(file, eff) as { message: string }).message, /alias .* anchor &a/);
      assert.deepEqual(ciliumEncryptionInfo(file, eff).settingsEdits, []);
      const typed = kopsDocument('Cluster', 'a.example.com', [...spec, '  kops-cil']);
      const typedFile = parseFile(typed);
      const at = typedFile.lines.positionAt(typed.indexOf('kops-cil') + 'kops-cil'.length);
      assert.deepEqual(
        complete(typedFile, at, effectiveKopsVersion(typedFile, {})).filter((item) => item.scenario !== undefined),
        [],
      );
    });

    it('a key on a line the parser cannot read (`key: - - x`) is not removed without the lines under it (fuzz seed 198261980)', () => {
      const broken = [
        '  networking:',
        '    cilium:',
        '      agentPodAnnotations: - - x',
        '        prometheus.io/port: "9090"',
        '        prometheus.io/scrape: "true"',
      ];
      const siblings = [
        '      ipam: eni',
        '      etcdManaged: true',
        '      version: v1.8.0',
        '      bpfCTGlobalTCPMax: 1',
        '      cpuRequest: 100m',
      ];
      // With one sibling the annotations would silently become Cilium keys; with five the edit guard withholds a syntax error.
      for (const after of [siblings.slice(0, 1), siblings]) {
        const text = `# kops-version: v1.19.0\n${kopsDocument('Cluster', 'a.example.com', [...broken, ...after])}`;
        assert.deepEqual(
          titlesFor(text, 'cilium-key-too-new').filter((t) => /agentPodAnnotations/.test(t)),
          [],
        );
      }
    });
  });

  describe('collectionTags.ts: nothing is written under a collection whose tag gives it another meaning', () => {
    const cluster = (specLines: string[]) => kopsDocument('Cluster', 'a.example.com', specLines);

    it('the IPsec settings are not added under `!!set`, `!!omap` or a local tag (fuzz seed 250240340)', () => {
      const tagged = [
        cluster(['  networking: !!set', '    cilium:']),
        cluster(['  networking:', '    cilium: !!set', '      ipam:']),
        cluster(['  networking:', '    cilium: !!set {ipam}']),
        cluster(['  networking:', '    cilium: !!omap', '      ipam: eni']),
        cluster(['  networking:', '    cilium: !local', '      ipam: eni']),
        cluster(['  networking:']).replace('spec:', 'spec: !!set'),
      ];
      for (const text of tagged) assert.equal(ipsecSettings(text), text);
      const mapTagged = cluster(['  networking:', '    cilium: !!map', '      ipam: eni']);
      assert.equal(ipsecSettings(mapTagged), `${mapTagged}      enableEncryption: true\n      encryptionType: ipsec\n`);
    });

    it('the etcd command does not append to a tagged list, and no Cilium scenario is listed that could not be merged', () => {
      const etcd = ['  etcdClusters: !local', '  - name: main', '    etcdMembers:', '    - name: a', '      instanceGroup: cp'];
      const text = cluster([...etcd, '  networking:', '    cilium:', '      ipam: eni']);
      const file = parseFile(text);
      assert.deepEqual(insertCiliumEtcd(file, effectiveKopsVersion(file, {})), {
        message: 'spec.etcdClusters is written in a way this command cannot extend; add the `cilium` cluster by hand.',
      });
      const typed = cluster(['  networking: !!set', '    cilium:', '      kops-cil']);
      const typedFile = parseFile(typed);
      const at = typedFile.lines.positionAt(typed.indexOf('kops-cil') + 'kops-cil'.length);
      assert.deepEqual(
        complete(typedFile, at, effectiveKopsVersion(typedFile, {})).filter((item) => item.scenario !== undefined),
        [],
      );
    });
  });

  describe('yamlEdit.ts: where a new key goes', () => {
    const NEW_SPEC = 'spec:\n  networking:\n    cilium:\n      enableEncryption: true\n      encryptionType: ipsec\n';

    it('a new key goes at the column of its map, also after an explicit `? key` or a key with an anchor (fuzz seeds 1812049119, 1812050730)', () => {
      const header = 'apiVersion: kops.k8s.io/v1alpha2\nkind: Cluster\nmetadata:\n  name: a.example.com\n';
      for (const first of ['? note\n', '?\n']) assert.equal(ipsecSettings(`${first}${header}`), `${first}${header}${NEW_SPEC}`);
      const anchored = `${HEAD}  networking:\n    cilium:\n      &a ipam: eni\n`;
      assert.equal(ipsecSettings(anchored), `${anchored}      enableEncryption: true\n      encryptionType: ipsec\n`);
    });

    it('a new list item goes after the space-only lines a block scalar ends with, as a new key does', () => {
      const text = `${HEAD}  hooks:\n  - name: a\n    manifest: |\n      [\n       \n`;
      const { file } = analyse(text);
      const after = applyEdits(text, new YamlEditor(file, file.documents[0]).appendToSeq(['spec', 'hooks'], ['name: b']));
      assert.equal(after, `${text}  - name: b\n`);
      assert.equal(parseFile(after).documents[0].yaml.toJS().spec.hooks[0].manifest, '[\n \n');
    });

    it('a new key goes after the space-only lines a block scalar ends with, which are its content (fuzz seeds 1302226853, 1302221572)', () => {
      const policy = `  iam:\n    inlinePolicy: |\n      [\n       \n`;
      for (const [text, spec] of [
        [`${HEAD}${policy}`, `${HEAD}${policy}${NEW_SPEC.replace('spec:\n', '')}`],
        [
          `${HEAD}${policy}  kubernetesVersion: 1.30.0\n`,
          `${HEAD}${policy}  kubernetesVersion: 1.30.0\n${NEW_SPEC.replace('spec:\n', '')}`,
        ],
      ]) {
        const after = ipsecSettings(text);
        assert.equal(after, spec);
        assert.equal(parseFile(after).documents[0].yaml.toJS().spec.iam.inlinePolicy, '[\n \n');
      }
    });

    it('a new key goes after the blank lines a `|+` block scalar keeps, which are its content', () => {
      for (const eol of ['\n', '\r\n']) {
        const text = `${HEAD}  iam:\n    inlinePolicy: |+\n      x\n\n\n`.replace(/\n/g, eol);
        const after = ipsecSettings(text);
        assert.equal(after, `${text}${NEW_SPEC.replace('spec:\n', '')}`.replace(/\r?\n/g, eol));
        assert.equal(parseFile(after).documents[0].yaml.toJS().spec.iam.inlinePolicy, 'x\n\n\n');
      }
      const cilium = `${HEAD}  networking:\n    cilium:\n      note: >+\n        x\n\n`;
      assert.equal(ipsecSettings(cilium), `${cilium}      enableEncryption: true\n      encryptionType: ipsec\n`);
      const hooks = `${HEAD}  hooks:\n  - name: a\n    manifest: |+\n      x\n\n`;
      const { file } = analyse(hooks);
      assert.equal(
        applyEdits(hooks, new YamlEditor(file, file.documents[0]).appendToSeq(['spec', 'hooks'], ['name: b'])),
        `${hooks}  - name: b\n`,
      );
    });

    it("new keys nest by the spec's indentation, not by that of a comment above it", () => {
      const text = '    # an indented comment\napiVersion: kops.k8s.io/v1alpha2\nkind: Cluster\nmetadata:\n  name: a.example.com\n';
      assert.equal(ipsecSettings(text), `${text}${NEW_SPEC}`);
    });
  });

  describe('scenarios: a scenario accepted in a file with lone-CR line breaks', () => {
    const accepted = (text: string, label: string): string => {
      const file = parseFile(text);
      const cursor = text.indexOf('kops-cil') + 'kops-cil'.length;
      const pos = file.lines.positionAt(cursor);
      const eff = effectiveKopsVersion(file, {});
      const item = complete(file, pos, eff).find((e) => e.label === label);
      assert.ok(item?.scenario !== undefined, `${label} is offered`);
      return acceptScenario(text, cursor, item);
    };

    it('mergeScenario.ts: the merge keeps the lone CRs of the Cluster, which the parser reads as LFs (fuzz seed 1812025303)', () => {
      const text = `${HEAD}  networking:\n    cilium:\n      ipam: eni\n`.replace(/\n/g, '\r') + '      kops-cil\n';
      const merged = accepted(text, 'kops-cilium-ipsec');
      assert.equal(merged, text.replace('      kops-cil\n', '      enableEncryption: true\r      encryptionType: ipsec\n'));
    });

    it('lineDiff.ts: no change starts between the CR and LF of a line break (a lone CR first, then CRLF lines)', () => {
      const text = `${HEAD.replace('\n', '\r')}  networking:\r\n    cilium:\r\n      ipam: eni\r\n      kops-cil\r\n`;
      const merged = accepted(text, 'kops-cilium-ipsec');
      assert.equal(merged, text.replace('\r\n      kops-cil\r\n', '\r      enableEncryption: true\r      encryptionType: ipsec\r\n'));
    });
  });
});
