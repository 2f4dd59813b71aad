import { strict as assert } from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import { diagnose } from '../../server/src/engine/checks/diagnostics';
import { parseFile } from '../../server/src/engine/document/documents';
import { complete } from '../../server/src/engine/features/completion/complete';
import { STARTERS, starterSnippetFile, type Starter } from '../../server/src/engine/features/completion/starters';
import type { CompletionEntry } from '../../server/src/engine/features/completion/types';
import { effectiveKopsVersion } from '../../server/src/engine/kops/effectiveVersion';
import { expandSnippet as expand } from '../helpers/expandSnippet';
import { withCursor } from '../helpers/marker';
import { kopsHeader } from '../helpers/kopsText';

const REPO = join(__dirname, '..', '..');
const starter = (prefix: string): Starter => STARTERS.find((s) => s.prefix === prefix)!;

function findings(text: string): string[] {
  const file = parseFile(text);
  return diagnose(file, effectiveKopsVersion(file, {})).map((f) => `${f.severity} ${f.code} ${f.path}: ${f.message}`);
}

function items(marked: string): CompletionEntry[] {
  const { text, position } = withCursor(marked);
  const file = parseFile(text);
  return complete(file, position, effectiveKopsVersion(file, {}));
}

const starterLabels = (entries: CompletionEntry[]): string[] => entries.filter((e) => e.kind === 'snippet').map((e) => e.label);

describe('whole-file starters', () => {
  it('snippets/kops-starters.json holds exactly what the server offers', () => {
    const onDisk = JSON.parse(readFileSync(join(REPO, 'snippets', 'kops-starters.json'), 'utf8')) as Record<string, { body: string[] }>;
    assert.deepEqual(onDisk, starterSnippetFile());
    const offered = items('|');
    assert.deepEqual(
      offered.map((e) => e.insertText),
      Object.values(onDisk).map((s) => s.body.join('\n')),
    );
  });

  it('are not contributed to VS Code as snippets, which it would list at every value of every YAML file', () => {
    const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { contributes: Record<string, unknown> };
    assert.equal(manifest.contributes.snippets, undefined);
  });

  for (const { prefix } of STARTERS) {
    it(`${prefix}, accepted as it comes, is a file the newest kops takes without a single finding`, () => {
      assert.deepEqual(findings(expand(starter(prefix).text)), []);
    });
  }

  it('kops-cluster keeps its documents together when the name and zone are typed over', () => {
    const text = expand(starter('kops-cluster').text, { 1: 'prod.k8s.example.org', 2: 'eu-west-1b', 6: '3' });
    assert.deepEqual(findings(text), []);
    assert.equal(text.match(/kops\.k8s\.io\/cluster: prod\.k8s\.example\.org$/gm)?.length, 2);
    assert.equal(text.match(/instanceGroup: control-plane-eu-west-1b$/gm)?.length, 2);
  });

  it('kops-cluster is a Cluster with Cilium, a control-plane and a nodes InstanceGroup', () => {
    const file = parseFile(expand(starter('kops-cluster').text));
    assert.deepEqual(
      file.documents.map((d) => d.kops?.kind),
      ['Cluster', 'InstanceGroup', 'InstanceGroup'],
    );
    assert.match(file.text, /^ {2}networking:\n {4}cilium: \{\}$/m);
    assert.deepEqual(
      [...file.text.matchAll(/^ {2}role: (\w+)$/gm)].map((m) => m[1]),
      ['Master', 'Node'],
    );
  });

  it('are offered in an empty file, after comments, after a leading ---, and while their prefix is typed', () => {
    const prefixes = STARTERS.map((s) => s.prefix);
    assert.deepEqual(starterLabels(items('|')), prefixes);
    assert.deepEqual(starterLabels(items('# kops-version: v1.36.2\n\n# our cluster\n|\n# end\n')), prefixes);
    assert.deepEqual(starterLabels(items('---\n|')), prefixes);
    const typed = items('# notes\nkops-c|');
    assert.deepEqual(starterLabels(typed), prefixes);
    assert.ok(typed.every((e) => e.isSnippet && e.range.start.line === 1 && e.range.start.character === 0 && e.range.end.character === 6));
  });

  it('are never offered at a value, on a comment line, or in a file that holds anything', () => {
    const cluster = `${kopsHeader('Cluster', 'a.example.com')}spec:\n  networking:\n    cilium:\n      ipam: |\n`;
    assert.deepEqual(starterLabels(items(cluster)), []);
    assert.ok(items(cluster).length > 0, 'the ipam values are still offered');
    assert.deepEqual(starterLabels(items('apiVersion: apps/v1\nkind: Deployment\n|\n')), []);
    assert.deepEqual(starterLabels(items('|\napiVersion: apps/v1\n')), []);
    assert.deepEqual(starterLabels(items('# kops|')), []);
    assert.deepEqual(starterLabels(items('  kops|')), []);
    assert.deepEqual(starterLabels(items('|\n---\n')), [], 'a --- below the cursor starts another document');
    assert.deepEqual(starterLabels(items('|\ufeff')), [], 'a BOM after the starter would be content that breaks its YAML');
    assert.deepEqual(starterLabels(items('# a\n\u00a0\n|')), [], 'a no-break space is content, not a blank line');
    assert.deepEqual(starterLabels(items('# a\n---\ufeff\n|')), [], 'a BOM after --- makes it content, not a document marker');
  });
});
