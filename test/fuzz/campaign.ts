import fc from 'fast-check';
import { loadSeeds, type Seed } from './corpus';
import { baseOf, runEngine, type Base } from './engineRun';
import { applyMutation, mutationArb, type Mutation } from './mutations';
import type { Tally } from './tally';

/** One fuzz case: a real spec, the mutations applied to it, the kops version setting and cursor positions. */
export interface Mutant {
  seed: number;
  mutations: Mutation[];
  kopsVersion?: string;
  positions: Array<[number, number]>;
}

const SETTINGS = [
  undefined,
  undefined,
  'v1.18.0',
  'v1.19.0',
  'v1.23.2',
  'v1.25.0',
  'v1.28.1',
  'v1.30.0',
  'v1.34.0',
  'v1.36.2',
  'v1.99.0',
  'banana',
  '',
];

export const mutantArb = (seeds: number): fc.Arbitrary<Mutant> =>
  fc.record(
    {
      seed: fc.nat({ max: seeds - 1 }),
      mutations: fc.array(mutationArb, { minLength: 1, maxLength: 5 }),
      kopsVersion: fc.constantFrom(...SETTINGS),
      positions: fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 3, maxLength: 3 }),
    },
    { requiredKeys: ['seed', 'mutations', 'positions'] },
  );

/** Seeds and their parsed originals, built once per process. */
export class Corpus {
  readonly seeds: Seed[] = loadSeeds();
  private readonly bases = new Map<number, Base>();

  base(i: number): Base {
    let b = this.bases.get(i);
    if (!b) this.bases.set(i, (b = baseOf(this.seeds[i].text)));
    return b;
  }

  text(m: Mutant): string {
    return m.mutations.reduce(applyMutation, this.seeds[m.seed].text);
  }

  describe(m: Mutant): string {
    return `${this.seeds[m.seed].name} ${m.mutations.map((x) => x.kind).join('+')}${m.kopsVersion !== undefined ? ` setting=${JSON.stringify(m.kopsVersion)}` : ''}`;
  }
}

/** Runs one mutant through the engine; `label` says how to reproduce it. */
export function runMutant(corpus: Corpus, m: Mutant, label: string, tally: Tally): void {
  tally.mutants++;
  runEngine(
    {
      label,
      text: corpus.text(m),
      settings: m.kopsVersion === undefined ? {} : { kopsVersion: m.kopsVersion },
      positions: m.positions,
      base: corpus.base(m.seed),
    },
    tally,
  );
}

/**
 * Mutants `first` to `first + count - 1` of the campaign with seed `seed`; mutant i is generated from seed + i
 * alone, so any of them can be rerun by itself (`npm run fuzz -- --seed <seed + i> --mutants 1`).
 */
export function runRange(corpus: Corpus, seed: number, first: number, count: number, tally: Tally): void {
  const arb = mutantArb(corpus.seeds.length);
  for (let i = first; i < first + count; i++) {
    const [m] = fc.sample(arb, { seed: seed + i, numRuns: 1 });
    runMutant(corpus, m, `--seed ${seed + i} --mutants 1 (${corpus.describe(m)})`, tally);
  }
}
