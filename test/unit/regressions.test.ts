import { strict as assert } from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import { insertCiliumEtcd } from '../../server/src/engine/commands/insertCiliumEtcd';
import { diagnose } from '../../server/src/engine/diagnostics';
import { parseFile } from '../../server/src/engine/documents';
import { effectiveKopsVersion } from '../../server/src/engine/effectiveVersion';
import { fixesFor } from '../../server/src/engine/fixes';
import { outline } from '../../server/src/engine/symbols';
import { SHARED_KOPS } from '../fuzz/corpus';
import { blockNesting } from '../fuzz/hostileFiles';
import { ClientText, editsProblems, findingProblems } from '../fuzz/invariants';
import { positionOf } from '../helpers/marker';

/**
 * Minimal cases of what the fuzzer (test/fuzz) found. Each names the module at fault. A test's timeout is a
 * hang guard for inputs that once took minutes, not a performance goal.
 */

const HEAD = 'apiVersion: kops.k8s.io/v1alpha2\nkind: Cluster\nmetadata:\n  name: a.example.com\nspec:\n';
const analyse = (text: string) => {
  const file = parseFile(text);
  const eff = effectiveKopsVersion(file, {});
  return { file, eff, findings: diagnose(file, eff), client: new ClientText(text) };
};

describe('fuzz regressions', function () {
  this.timeout(10_000);

  describe('symbols.ts', () => {
    it('outlines an InstanceGroup whose role carries a !!merge tag (a Symbol value) instead of throwing', () => {
      const text = 'apiVersion: kops.k8s.io/v1alpha2\nkind: InstanceGroup\nmetadata:\n  name: nodes\nspec:\n  role: !!merge Node\n';
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
      const text = blockNesting(3_000);
      const file = parseFile(text);
      assert.ok(diagnose(file, effectiveKopsVersion(file, {})).length > 0, 'one finding says the document was not analysed');
    });
  });

  describe('schema/didYouMean.ts', () => {
    it('looks for spelling suggestions of a 50,000-character Cilium key without comparing all of it to every known key', () => {
      const key = 'c'.repeat(50_000);
      const { findings } = analyse(`${HEAD}  networking:\n    cilium:\n      ${key}: 1\n`);
      assert.ok(findings.length > 0);
    });
  });

  describe('fixes/choiceFixes.ts', () => {
    it('ranks the enum choices against a 200,000-character value without stalling', () => {
      const { file, eff, findings } = analyse(`${HEAD}  networking:\n    cilium:\n      ipam: ${'x'.repeat(200_000)}\n`);
      const ipam = findings.find((f) => f.code === 'cilium-enum-ipam');
      assert.ok(ipam, findings.map((f) => f.code).join());
      fixesFor(file, eff.version, ipam);
    });
  });

  describe('lineIndex.ts', () => {
    it('CRLF: a finding at the end of a line ends before the line break, never between CR and LF', () => {
      const text = `${HEAD}  kubernetesVersion: \n k0:\n`.replace(/\n/g, '\r\n');
      const { findings, client } = analyse(text);
      assert.ok(findings.some((f) => f.code === 'yaml-syntax'));
      assert.deepEqual(findings.flatMap((f) => findingProblems(client, f)), []);
    });

    it('a lone CR ends a line, as in LSP: findings land on the line the editor shows', () => {
      const text = `${HEAD}  networking: [\n`.replace(/\n/g, '\r');
      const { findings, client } = analyse(text);
      assert.ok(findings.length > 0);
      assert.deepEqual(findings.flatMap((f) => findingProblems(client, f)), []);
      assert.ok(findings.some((f) => f.range.start.line > 0), 'not everything on line 0');
    });
  });

  describe('commands/insertCiliumEtcd.ts', () => {
    const text = readFileSync(join(SHARED_KOPS, 'specs', 'create_cluster-cilium-eni.yaml'), 'utf8').replace(/\n/g, '\r\n');

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
});
