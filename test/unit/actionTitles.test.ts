import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { codeActions } from '../../server/src/engine';
import { checkedFile } from '../helpers/checkedFiles';
import { kopsFixture, REPO_ROOT } from '../helpers/fixturePaths';

/**
 * VS Code shows a code action's title as plain text, on one line, in the Ctrl+. menu, the lightbulb and the
 * Problems panel: no markdown, short enough not to be cut, and saying what it does by starting with a verb.
 */

const MAX_LENGTH = 80;

/** The verbs titles start with; a new one is added here on purpose, not by accident. */
const VERBS = new Set([
  'Add',
  'Apply',
  'Change',
  'Check',
  'Enable',
  'Fix',
  'Give',
  'Keep',
  'Open',
  'Quote',
  'Remove',
  'Rename',
  'Set',
  'Show',
  'Store',
  'Swap',
  'Switch',
  'Turn',
  'Use',
  'Write',
]);

const CASE_DIRS = [
  kopsFixture('validation-cases'),
  kopsFixture('validation-cases-spec'),
  kopsFixture('specs'),
  path.join(REPO_ROOT, 'samples'),
  path.join(REPO_ROOT, 'test', 'cases'),
  path.join(REPO_ROOT, 'test', 'cases-spec'),
];

/** The kops release each of kops' integration specs comes from (the others carry their own or take the newest). */
const SPEC_TAGS = new Map<string, string>(
  (JSON.parse(fs.readFileSync(kopsFixture('specs', 'sources.json'), 'utf8')) as Array<{ file: string; tag: string }>).map((s) => [
    kopsFixture('specs', s.file),
    s.tag,
  ]),
);

const yamlFiles = (dir: string): string[] =>
  fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => path.join(dir, f));

/** What is wrong with a title, or undefined when it fits. */
function misfit(title: string): string | undefined {
  if (title.length > MAX_LENGTH) return `${title.length} characters`;
  if (title.includes('`')) return 'a backtick';
  if (/[\r\n]/.test(title)) return 'a line break';
  if (!VERBS.has(title.split(' ')[0])) return 'no verb first';
  return undefined;
}

/** Every distinct title offered on a finding of the file, checked at its own release. */
function titlesOffered(filePath: string): Set<string> {
  const { file, eff, findings } = checkedFile(filePath, SPEC_TAGS.get(filePath));
  return new Set(findings.flatMap((f) => codeActions(file, eff, f.range, findings).map((a) => a.title)));
}

describe('code action titles are plain one-line text', () => {
  it('tells a misfit apart', () => {
    assert.equal(misfit('Set kubeProxy.enabled: false (Cilium NodePort replaces kube-proxy)'), undefined);
    assert.equal(misfit('Change to `crd`'), 'a backtick');
    assert.equal(misfit(`Remove ${'x'.repeat(MAX_LENGTH)}`), `${MAX_LENGTH + 7} characters`);
    assert.equal(misfit('Remove it\nnow'), 'a line break');
    assert.equal(misfit('Cilium NodePort replaces kube-proxy'), 'no verb first');
  });

  for (const dir of CASE_DIRS) {
    it(`every action offered on a finding in ${path.relative(REPO_ROOT, dir)}, at the file's own release`, () => {
      const problems: string[] = [];
      const seen = new Set<string>();
      for (const file of yamlFiles(dir)) {
        for (const title of titlesOffered(file)) {
          if (seen.has(title)) continue;
          seen.add(title);
          const why = misfit(title);
          if (why) problems.push(`${path.basename(file)}: ${why}: ${title}`);
        }
      }
      assert.ok(seen.size > 0, 'the files offer actions');
      assert.deepEqual(problems, []);
    });
  }
});
