import fc from 'fast-check';
import { loadGround, loadSeeds, type Seed } from './corpus';
import { baseOf, runEngine, type Base } from './engineRun';
import { describeGround, groundArb, groundOriginal, groundSetting, typeKey, type GroundCase } from './ground';
import { applyMutation, mutationArb, type Mutation } from './mutations';
import type { Tally } from './tally';

/**
 * One fuzz case: a real spec, the mutations applied to it, the kops version setting and cursor positions; half
 * of them also carry a case on the ground of issues 10–14, run after it.
 */
export interface Mutant {
  seed: number;
  mutations: Mutation[];
  kopsVersion?: string;
  positions: Array<[number, number]>;
  ground?: GroundCase;
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

/** Frozen: a seed names the same classic mutant as long as this and the classic corpus stay as they are. */
const classicArb = (seeds: number): fc.Arbitrary<Mutant> =>
  fc.record(
    {
      seed: fc.nat({ max: seeds - 1 }),
      mutations: fc.array(mutationArb, { minLength: 1, maxLength: 5 }),
      kopsVersion: fc.constantFrom(...SETTINGS),
      positions: fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 3, maxLength: 3 }),
    },
    { requiredKeys: ['seed', 'mutations', 'positions'] },
  );

/** The ground case is drawn after the classic mutant, so adding it left every seed's classic mutant unchanged. */
export const mutantArb = (seeds: number, sources: number): fc.Arbitrary<Mutant> =>
  fc
    .tuple(classicArb(seeds), fc.option(groundArb(sources), { nil: undefined, freq: 2 }))
    .map(([classic, ground]) => (ground ? { ...classic, ground } : classic));

/** Seeds and their parsed originals, built once per process. */
export class Corpus {
  readonly seeds: Seed[] = loadSeeds();
  readonly ground: Seed[] = loadGround();
  private readonly bases = new Map<Seed, Base>();

  base(seed: Seed): Base {
    let b = this.bases.get(seed);
    if (!b) this.bases.set(seed, (b = baseOf(seed.text)));
    return b;
  }

  arb(): fc.Arbitrary<Mutant> {
    return mutantArb(this.seeds.length, this.ground.length);
  }

  text(m: Mutant): string {
    return m.mutations.reduce(applyMutation, this.seeds[m.seed].text);
  }

  describe(m: Mutant): string {
    const classic = `${this.seeds[m.seed].name} ${m.mutations.map((x) => x.kind).join('+')}${m.kopsVersion !== undefined ? ` setting=${JSON.stringify(m.kopsVersion)}` : ''}`;
    return m.ground ? `${classic}; ground: ${describeGround(this.ground, m.ground)}` : classic;
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
      base: corpus.base(corpus.seeds[m.seed]),
    },
    tally,
  );
  if (m.ground) runGround(corpus, m.ground, `${label} [ground]`, tally);
}

/** A ground case: code actions at every finding, completion accepted where keys are typed. */
function runGround(corpus: Corpus, g: GroundCase, label: string, tally: Tally): void {
  const original = groundOriginal(corpus.ground, g);
  const text = g.mutations.reduce(applyMutation, original);
  const setting = groundSetting(g);
  runEngine(
    {
      label,
      text,
      settings: setting === undefined ? {} : { kopsVersion: setting },
      positions: g.positions,
      // The file before the mutations, as the user had it: a stale client and the incremental parse start there.
      base: baseOf(original),
      probes: g.typed.map((key) => ({ original: text, ...typeKey(text, key) })),
      actionsAtEveryFinding: true,
    },
    tally,
  );
}

/**
 * Mutants `first` to `first + count - 1` of the campaign with seed `seed`; mutant i is generated from seed + i
 * alone, so any of them can be rerun by itself: its label is the command that does it.
 */
export function runRange(corpus: Corpus, seed: number, first: number, count: number, tally: Tally): void {
  const arb = corpus.arb();
  for (let i = first; i < first + count; i++) {
    const [m] = fc.sample(arb, { seed: seed + i, numRuns: 1 });
    runMutant(corpus, m, `npm run fuzz -- --seed ${seed + i} --mutants 1   # ${corpus.describe(m)}`, tally);
  }
}
