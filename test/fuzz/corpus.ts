import { readdirSync, readFileSync } from 'fs';
import { join, relative } from 'path';
import { kopsFixture, REPO_ROOT } from '../helpers/fixturePaths';

export interface Seed {
  name: string;
  text: string;
}

const yamlIn = (dir: string, recursive = false): string[] =>
  readdirSync(dir, { recursive, encoding: 'utf8' })
    .filter((f) => f.endsWith('.yaml'))
    .sort();

const read = (dir: string): Seed[] =>
  yamlIn(dir, true).map((name) => ({ name: relative(REPO_ROOT, join(dir, name)), text: readFileSync(join(dir, name), 'utf8') }));

/**
 * The real kops specs and validation cases the classic mutants start from. Frozen in content and order: a seed
 * of `npm run fuzz` names its mutant by an index into this list.
 */
export function loadSeeds(): Seed[] {
  const seeds = ['specs', 'validation-cases'].flatMap((dir) =>
    yamlIn(kopsFixture(dir)).map((name) => ({ name: `${dir}/${name}`, text: readFileSync(kopsFixture(dir, name), 'utf8') })),
  );
  if (seeds.length === 0) throw new Error(`no seed specs under ${kopsFixture()}`);
  return seeds;
}

/** Files holding nothing yet but comments, where completion offers the whole-file starters. */
const EMPTY_FILES: Seed[] = [
  { name: 'empty', text: '' },
  { name: 'empty (one comment)', text: '# the production cluster\n' },
  { name: 'empty (oldest release)', text: '# kops-version: v1.18.0\n\n' },
  { name: 'empty (document marker)', text: '# clusters\n---\n' },
];

/**
 * What the new-ground cases start from: Clusters with their InstanceGroups in one file (the spec validation
 * cases, kops' integration specs at six releases, the samples), the v1alpha3 conversion spec and empty files
 * (the 40-InstanceGroup stream is among the classic seeds: asking for actions at its every finding costs seconds).
 */
export function loadGround(): Seed[] {
  return [
    ...read(kopsFixture('validation-cases-spec')),
    ...read(kopsFixture('integration')),
    ...read(join(REPO_ROOT, 'samples')),
    ...read(kopsFixture('specs')).filter((s) => s.name.includes('v1alpha3')),
    ...EMPTY_FILES,
  ];
}
