import { strict as assert } from 'assert';
import * as fs from 'fs';
import { dirname, join } from 'path';
import { GUARD_CODE, REPO_ROOT } from '../helpers/repoOnlyFs.cjs';

const NEXT_TO_REPO = dirname(REPO_ROOT);
const isGuardError = (e: unknown): boolean => (e as NodeJS.ErrnoException).code === GUARD_CODE;

describe('test guard: nothing reads outside the repository', () => {
  it('throws for a file or folder next to the repository, named absolutely or relatively', () => {
    assert.throws(() => fs.readFileSync(join(NEXT_TO_REPO, 'facts', 'README.md')), isGuardError);
    assert.throws(() => fs.readdirSync(NEXT_TO_REPO), isGuardError);
    assert.throws(() => fs.openSync(join('..', 'package.json'), 'r'), isGuardError);
    assert.throws(() => fs.readFileSync(new URL(`file://${NEXT_TO_REPO}/x.json`)), isGuardError);
  });

  it('rejects the promise and callback forms as well', async () => {
    await assert.rejects(fs.promises.readFile(join(NEXT_TO_REPO, 'x.yaml')), isGuardError);
    await assert.rejects(fs.promises.readdir(NEXT_TO_REPO), isGuardError);
    assert.throws(() => fs.readFile(join(NEXT_TO_REPO, 'x.yaml'), () => undefined), isGuardError);
  });

  it('lets the repository, its node_modules and file descriptors through', () => {
    assert.match(fs.readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'), /"name": "kops-spec"/);
    assert.ok(fs.readdirSync(join(REPO_ROOT, 'node_modules', 'yaml')).includes('package.json'));
    const fd = fs.openSync(join(REPO_ROOT, 'package.json'), 'r');
    try {
      assert.equal(fs.readFileSync(fd, 'utf8').startsWith('{'), true);
    } finally {
      fs.closeSync(fd);
    }
  });
});
