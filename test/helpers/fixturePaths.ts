import { join, resolve } from 'path';

/** The repository's root folder: everything a test reads lies below it. */
export const REPO_ROOT = resolve(__dirname, '..', '..');

/** Copies of the kops facts the tests check against (test/fixtures/kops/README.md says where each comes from). */
export const KOPS_FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'kops');

/** A folder or file below test/fixtures/kops, e.g. kopsFixture('specs', 'complex.yaml'). */
export const kopsFixture = (...parts: string[]): string => join(KOPS_FIXTURES, ...parts);

/** A workspace folder as a user has it (its README.md says what is in it), for the workspace index. */
export const WORKSPACE_FIXTURE = join(REPO_ROOT, 'test', 'fixtures', 'workspace');
