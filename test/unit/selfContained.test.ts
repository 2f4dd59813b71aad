import { strict as assert } from 'assert';
import { execFileSync } from 'child_process';
import { readFileSync } from 'fs';
import { join, relative } from 'path';
import { REPO_ROOT } from '../helpers/fixturePaths';

/** Ways a file can name the old fact base next to the repository, or the machine it was collected on. */
const OUTSIDE_PATHS: RegExp[] = [/\.\.\/shared\b/, /['"]\.\.['"]\s*,\s*(['"]\.\.['"]\s*,\s*)*['"]shared['"]/, /\/work\//];

/** This file spells the patterns out. */
const SELF = relative(REPO_ROOT, __filename);

const trackedFiles = (): string[] =>
  execFileSync('git', ['ls-files', '-z'], { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 64 << 20 })
    .split('\0')
    .filter(Boolean);

describe('the repository is self-contained', () => {
  it('no tracked file other than Markdown names a path outside the repository', () => {
    const files = trackedFiles();
    assert.ok(files.includes('package.json'), 'git ls-files lists the repository');
    const offenders = files
      .filter((file) => !file.endsWith('.md') && file !== SELF)
      .filter((file) => {
        const text = readFileSync(join(REPO_ROOT, file), 'utf8');
        return OUTSIDE_PATHS.some((pattern) => pattern.test(text));
      });
    assert.deepEqual(offenders, []);
  });
});
