import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { knownKopsReleases, type Finding } from '../../server/src/engine';
import { checkedFile } from '../helpers/checkedFiles';
import { kopsFixture, REPO_ROOT } from '../helpers/fixturePaths';

/**
 * The Problems panel shows a diagnostic's message as one plain line and cuts it: every message is one sentence of
 * at most 160 characters, without markdown. kops' own path, error type and stage travel separately (Finding.kops).
 */

const MAX_LENGTH = 160;

const CASE_DIRS = [
  kopsFixture('validation-cases'),
  kopsFixture('validation-cases-spec'),
  path.join(REPO_ROOT, 'test', 'cases'),
  path.join(REPO_ROOT, 'test', 'cases-spec'),
];
const SAMPLES = path.join(REPO_ROOT, 'samples');
const KOPS_SPECS = kopsFixture('specs');

/** The first and the newest patch of every kops minor kops Spec knows: messages name the release and its rules. */
function firstAndNewestOfEachMinor(): string[] {
  const byMinor = new Map<string, string[]>();
  for (const release of knownKopsReleases()) {
    const minor = release.split('.').slice(0, 2).join('.');
    byMinor.set(minor, [...(byMinor.get(minor) ?? []), release]);
  }
  return [...byMinor.values()].flatMap((patches) => [...new Set([patches[0], patches[patches.length - 1]])]);
}

const yamlFiles = (dir: string): string[] =>
  fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => path.join(dir, f));

/** What is wrong with a message, or undefined when it fits. */
function misfit(message: string): string | undefined {
  if (message.length > MAX_LENGTH) return `${message.length} characters`;
  if (message.includes('`')) return 'a backtick';
  if (/[\r\n]/.test(message)) return 'a line break';
  if (/(?<!e\.g)[.!?]\s+[A-Z]/.test(message)) return 'more than one sentence';
  return undefined;
}

function misfits(file: string, found: readonly Finding[], release: string): string[] {
  return found.flatMap((f) => {
    const why = misfit(f.message);
    return why ? [`${path.relative(REPO_ROOT, file)} (${release}) ${f.code}: ${why}: ${f.message}`] : [];
  });
}

describe('finding messages fit the Problems panel', () => {
  it('tells a misfit apart', () => {
    assert.equal(misfit('kops v1.36.2 rejects ipam "foo": use kubernetes, e.g. Kubernetes ipam.'), undefined);
    assert.match(misfit('x'.repeat(MAX_LENGTH + 1)) ?? '', /161 characters/);
    assert.equal(misfit('remove `clusterDNS`.'), 'a backtick');
    assert.equal(misfit('One.\nTwo.'), 'a line break');
    assert.equal(misfit('Passes as written. kops update cluster rejects it.'), undefined);
    assert.equal(misfit('Passes as written. Then kops rejects it.'), 'more than one sentence');
  });

  it('every finding of the validation cases, at the case’s kops release', () => {
    const problems: string[] = [];
    let checked = 0;
    for (const file of CASE_DIRS.flatMap(yamlFiles)) {
      const found = checkedFile(file).findings;
      checked += found.length;
      problems.push(...misfits(file, found, 'its release'));
    }
    assert.ok(checked > 300, `the cases yield findings (${checked})`);
    assert.deepEqual(problems, []);
  });

  it('every finding of the samples, at the first and newest patch of every kops minor', () => {
    const problems: string[] = [];
    let checked = 0;
    for (const file of yamlFiles(SAMPLES)) {
      for (const release of firstAndNewestOfEachMinor()) {
        const found = checkedFile(file, release).findings;
        checked += found.length;
        problems.push(...misfits(file, found, release));
      }
    }
    assert.ok(checked > 100, `the samples yield findings (${checked})`);
    assert.deepEqual(problems, []);
  });

  it("every finding of kops' integration specs, at their own release and at the newest", () => {
    const sources: Array<{ file: string; tag: string }> = JSON.parse(fs.readFileSync(path.join(KOPS_SPECS, 'sources.json'), 'utf8'));
    const problems: string[] = [];
    for (const { file, tag } of sources) {
      for (const release of new Set([tag, knownKopsReleases()[0]]))
        problems.push(...misfits(file, checkedFile(path.join(KOPS_SPECS, file), release).findings, release));
    }
    assert.ok(sources.length > 10, 'the integration specs are listed');
    assert.deepEqual(problems, []);
  });
});
