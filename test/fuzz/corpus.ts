import { readdirSync, readFileSync } from 'fs';
import { join, resolve } from 'path';

export interface Seed {
  name: string;
  text: string;
}

/** The shared fact base (a sibling of the repository, as in CI). */
export const SHARED_KOPS = resolve(__dirname, '../../../shared/kops');

/** The real kops specs and validation cases the fuzzer mutates. */
export function loadSeeds(): Seed[] {
  const seeds: Seed[] = [];
  for (const dir of ['specs', 'validation-cases']) {
    const folder = join(SHARED_KOPS, dir);
    for (const name of readdirSync(folder)
      .filter((f) => f.endsWith('.yaml'))
      .sort()) {
      seeds.push({ name: `${dir}/${name}`, text: readFileSync(join(folder, name), 'utf8') });
    }
  }
  if (seeds.length === 0) throw new Error(`no seed specs under ${SHARED_KOPS}`);
  return seeds;
}
