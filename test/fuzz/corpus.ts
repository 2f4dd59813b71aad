import { readdirSync, readFileSync } from 'fs';
import { kopsFixture } from '../helpers/fixturePaths';

export interface Seed {
  name: string;
  text: string;
}

/** The real kops specs and validation cases the fuzzer mutates. */
export function loadSeeds(): Seed[] {
  const seeds: Seed[] = [];
  for (const dir of ['specs', 'validation-cases']) {
    for (const name of readdirSync(kopsFixture(dir))
      .filter((f) => f.endsWith('.yaml'))
      .sort()) {
      seeds.push({ name: `${dir}/${name}`, text: readFileSync(kopsFixture(dir, name), 'utf8') });
    }
  }
  if (seeds.length === 0) throw new Error(`no seed specs under ${kopsFixture()}`);
  return seeds;
}
