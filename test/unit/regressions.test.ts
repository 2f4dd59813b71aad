import { strict as assert } from 'assert';
import { readFileSync } from 'fs';
import { insertCiliumEtcd } from '../../server/src/engine/features/etcd/insertCiliumEtcd';
import { parseFile } from '../../server/src/engine/document/documents';
import { fixesFor } from '../../server/src/engine/features/fixes';
import { outline } from '../../server/src/engine/features/symbols';
import { complete } from '../../server/src/engine/features/completion';
import { codeActions } from '../../server/src/engine/features/codeActions';
import { blockNesting } from '../fuzz/hostileFiles';
import { editsProblems, findingProblems } from '../fuzz/invariants';
import { kopsFixture } from '../helpers/fixturePaths';
import { positionOf } from '../helpers/marker';
import { applyEdits } from '../helpers/applyEdits';
import { kopsDocument } from '../helpers/kopsText';
import { analyse, CLUSTER_HEAD } from '../helpers/fuzzCase';
import { trailingComments } from '../../server/src/engine/document/commentLines';

/**
 * Minimal cases of what the fuzzer (test/fuzz) found. Each names the module at fault. A test's timeout is a
 * hang guard for inputs that once took minutes, not a performance goal.
 */

const HEAD = CLUSTER_HEAD;

describe('fuzz regressions', function () {
  this.timeout(10_000);

  describe('symbols.ts', () => {
    it('outlines an InstanceGroup whose role carries a !!merge tag (a Symbol value) instead of throwing', () => {
      const text = kopsDocument('InstanceGroup', 'nodes', ['  role: !!merge Node']);
      const [symbol] = outline(parseFile(text));
      assert.equal(symbol.name, 'nodes');
    });

    it('never names a symbol after a Symbol value or the empty string (VS Code rejects an empty name)', () => {
      for (const name of ['!!merge x', '""']) {
        const [symbol] = outline(parseFile(HEAD.replace('a.example.com', name)));
        assert.equal(symbol.name, '(unnamed)', name);
      }
    });
  });

  describe('documents.ts (the yaml parser recurses once per nesting level it leaves)', () => {
    it('parses block sequences nested 3,000 deep and followed by a top-level key instead of overflowing the stack', () => {
      const { findings } = analyse(blockNesting(3_000));
      assert.deepEqual(
        findings.map((f) => [f.code, f.range.start]),
        [['document-too-complex', { line: 0, character: 0 }]],
      );
    });
  });

  describe('schema/didYouMean.ts', () => {
    it('looks for spelling suggestions of a 50,000-character Cilium key without comparing all of it to every known key', () => {
      const key = 'c'.repeat(50_000);
      // An explicit key (`? key`): a plain one over 1,024 characters is a YAML error and never reaches the check.
      const text = `${HEAD}  networking:\n    cilium:\n      ? ${key}\n      : 1\n`;
      const { findings } = analyse(text);
      assert.deepEqual(
        findings.map((f) => [f.code, f.message, f.range]),
        [
          [
            'cilium-unknown-key',
            `kops v1.36.2 ignores unknown key "${'c'.repeat(39)}…" under spec.networking.cilium: remove it.`,
            { start: positionOf(text, key), end: positionOf(text, key, key.length) },
          ],
        ],
      );
    });
  });

  describe('fixes/choiceFixes.ts', () => {
    it('ranks the enum choices against a 200,000-character value without stalling', () => {
      const { file, eff, findings } = analyse(`${HEAD}  networking:\n    cilium:\n      ipam: ${'x'.repeat(200_000)}\n`);
      const ipam = findings.find((f) => f.code === 'cilium-enum-ipam');
      assert.ok(ipam, findings.map((f) => f.code).join());
      const fixes = fixesFor(file, eff.version, ipam);
      assert.deepEqual(
        fixes.map((f) => f.title),
        ['Change to hostscope', 'Change to kubernetes', 'Change to crd'],
      );
      for (const fix of fixes)
        assert.deepEqual(
          fix.edits.map((e) => e.range),
          [ipam.range],
          fix.title,
        );
    });
  });

  describe('fixes/versionComment.ts', () => {
    const versionFixes = (text: string): string[] => {
      const { file, eff, findings } = analyse(text);
      const version = findings.find((f) => f.code === 'kops-version-unknown');
      assert.ok(version, findings.map((f) => f.code).join());
      return codeActions(file, eff, version.range, findings).map((a) => a.title);
    };

    it('rewrites the `# kops-version:` value only where the parser reads a comment (fuzz seeds 1812048687, 1812049738)', () => {
      assert.deepEqual(versionFixes(`# kops-version: v1.30\n${HEAD}`), [
        'Write the version as v1.30.0',
        'Check against kops v1.36.2, the newest release kops-spec knows',
      ]);
      // A NUL makes the file one document kops-spec does not analyse; the fix would remove it (YAML, two documents).
      assert.deepEqual(versionFixes(`# kops-version: \u0000v1.30\n${HEAD}---\n${HEAD}`), []);
      assert.deepEqual(versionFixes(`# kops-version: v1.3\u00000\n${HEAD}`), []);
      // A line of a block scalar: the fix would change the string.
      assert.deepEqual(versionFixes(`--- |\n# kops-version: v1.30\n---\n${HEAD}`), []);
    });
  });

  describe('fixes/index.ts: findings older than the text, as an editor may still hold them', () => {
    const LB = ['  api:', '    loadBalancer:', '      class: Classic', '      type: Public', '  cloudProvider: aws'];
    const text = kopsDocument('Cluster', 'a.example.com', [...LB, '  topology:', '    dns:', '      type: None']);

    it("a finding offers no fix once its document has changed (fuzz seed 1812030785: a stale fix past a line's end)", () => {
      const stale = analyse(text).findings.find((f) => f.fixes?.some((x) => x.title === 'Set api.loadBalancer.class to Network'));
      assert.ok(stale);
      const now = analyse(text.replace('  api:\n', '  # the API\n  api:\n'));
      assert.deepEqual(fixesFor(now.file, now.eff.version, stale), []);
      assert.deepEqual(
        codeActions(now.file, now.eff, stale.range, [stale]).map((a) => a.title),
        [],
      );
      const current = now.findings.find((f) => f.code === stale.code);
      assert.deepEqual(
        fixesFor(now.file, now.eff.version, current!).map((f) => f.title),
        ['Set api.loadBalancer.class to Network'],
      );
      const below = analyse(`${text}---\nkind: ConfigMap\n`);
      assert.equal(fixesFor(below.file, below.eff.version, stale).length, 1, 'its document unchanged, at the same place');
    });
  });

  describe('lineIndex.ts', () => {
    it('CRLF: a finding at the end of a line ends before the line break, never between CR and LF', () => {
      const text = `${HEAD}  kubernetesVersion: \n k0:\n`.replace(/\n/g, '\r\n');
      const { findings, client } = analyse(text);
      assert.ok(findings.some((f) => f.code === 'yaml-syntax'));
      assert.deepEqual(
        findings.flatMap((f) => findingProblems(client, f)),
        [],
      );
    });

    it('a lone CR ends a line, as in LSP: findings land on the line the editor shows', () => {
      const text = `${HEAD}  networking: [\n`.replace(/\n/g, '\r');
      const { findings, client } = analyse(text);
      const lastLine = { line: text.split('\r').length - 1, character: 0 };
      assert.deepEqual(
        findings.map((f) => [f.code, f.range.start]),
        [['yaml-syntax', lastLine]],
      );
      assert.deepEqual(
        findings.flatMap((f) => findingProblems(client, f)),
        [],
      );
    });
  });

  describe('commands/insertCiliumEtcd.ts', () => {
    const text = readFileSync(kopsFixture('specs', 'create_cluster-cilium-eni.yaml'), 'utf8').replace(/\n/g, '\r\n');

    it('CRLF: the etcd edits stay inside the lines they replace', () => {
      const { file, eff, client } = analyse(text);
      const result = insertCiliumEtcd(file, eff, positionOf(text, 'etcdClusters'));
      assert.ok('edits' in result, JSON.stringify(result));
      assert.deepEqual(editsProblems(client, result.edits, 'etcd').problems, []);
    });

    it('CRLF: the inserted text uses CRLF too', () => {
      const { file, eff } = analyse(text);
      const result = insertCiliumEtcd(file, eff, positionOf(text, 'etcdClusters'));
      assert.ok('edits' in result);
      for (const edit of result.edits) assert.doesNotMatch(edit.newText, /(^|[^\r])\n/, 'a bare LF in a CRLF file');
    });
  });

  describe('cursor/lineSyntax.ts', () => {
    it('a # after a BOM or no-break space is part of the value, as the parser reads it: its fix is offered (fuzz seed 1535246067)', () => {
      for (const space of ['\ufeff', '\u00a0']) {
        const text = `${HEAD}  networking:\n    cilium:\n      ipam: ${space}#\t\n`;
        assert.deepEqual(trailingComments(text), [], JSON.stringify(space));
        const { file, eff, findings } = analyse(text);
        const ipam = findings.find((f) => f.code === 'cilium-enum-ipam');
        assert.ok(ipam, findings.map((f) => f.code).join());
        const actions = codeActions(file, eff, ipam.range, findings);
        assert.ok(
          actions.some((a) => /^Change to /.test(a.title)),
          actions.map((a) => a.title).join(),
        );
      }
    });
  });

  describe('cursor/cursorContext.ts', () => {
    it('never completes a token that spans lines (a broken flow map): every range stays on the cursor line', () => {
      const text = `${HEAD}  subnets:\n  - {'>,%\n    name: us-test-1a\n    type: Private\n    zone: us-test-1a\n  - name: b\n`;
      const { file, eff } = analyse(text);
      const lines = text.split('\n');
      for (let line = 5; line < lines.length; line++) {
        for (let character = 0; character <= lines[line].length; character++) {
          for (const item of complete(file, { line, character }, eff)) {
            const { start, end } = item.range;
            assert.ok(
              start.line === line && end.line === line && start.character <= character && character <= end.character,
              `${line}:${character} ${item.label} ${JSON.stringify(item.range)}`,
            );
          }
        }
      }
    });
  });

  describe('ciliumFields/lifecycle.ts', () => {
    it('removing a no-effect key on the last line of a file without a final line break stays inside the file', () => {
      const text = `# kops-version: v1.34.0\n${HEAD}  networking:\n    cilium:\n      ipam: kubernetes\n      bpfLBAlgorithm: random`;
      const { findings, client } = analyse(text);
      const noEffect = findings.find((f) => f.code === 'cilium-no-effect');
      assert.ok(noEffect?.fixes?.length, findings.map((f) => f.code).join());
      assert.deepEqual(findingProblems(client, noEffect), []);
      assert.equal(
        applyEdits(text, noEffect.fixes[0].edits),
        `# kops-version: v1.34.0\n${HEAD}  networking:\n    cilium:\n      ipam: kubernetes`,
      );
    });
  });
});
