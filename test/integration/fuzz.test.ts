import { strict as assert } from 'assert';
import fc from 'fast-check';
import { Corpus, runRange } from '../fuzz/campaign';
import { REGRESSION_SEEDS } from '../fuzz/regressionSeeds';
import { Tally } from '../fuzz/tally';

/**
 * The CI fuzz profile: mutants of the real kops specs and validation cases, half of them with a case on the
 * ground of issues 10–14, through every engine entry point (see test/fuzz/). A fresh seed every run (FUZZ_SEED
 * fixes it, FUZZ_RUNS sets the count): mutant i is the campaign's mutant of seed + i, so each failing mutant is
 * listed with the command that replays it alone, `npm run fuzz -- --seed <n> --mutants 1`. The regression
 * seeds run every time.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 6_000);
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const REPLAY = `FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS} npx mocha --config test/integration/.mocharc.json test/integration/fuzz.test.ts`;

function failIfAny(tally: Tally, replay: string): void {
  if (!tally.failures()) return;
  throw new Error(`${tally.report()}\nEach failing mutant above is listed as the command that replays it; this run: ${replay}`);
}

describe('fuzzing the engine with mutated real specs', function () {
  this.timeout(60 * 60_000);
  const corpus = new Corpus();

  it(`${RUNS} mutants from seed ${SEED}: no exception escapes, every result keeps the LSP invariants, incremental equals fresh`, () => {
    const tally = new Tally();
    runRange(corpus, SEED, 0, RUNS, tally);
    failIfAny(tally, REPLAY);
  });

  for (const { seed, mutant, found } of REGRESSION_SEEDS) {
    it(`regression seed ${seed} (${found})`, () => {
      const [m] = fc.sample(corpus.arb(), { seed, numRuns: 1 });
      const described = mutant.includes('; ground:') ? corpus.describe(m) : corpus.describe(m).split('; ground:')[0];
      assert.equal(described, mutant, `seed ${seed} no longer generates the mutant it was listed for`);
      const tally = new Tally();
      runRange(corpus, seed, 0, 1, tally);
      failIfAny(tally, `npm run fuzz -- --seed ${seed} --mutants 1`);
    });
  }
});
