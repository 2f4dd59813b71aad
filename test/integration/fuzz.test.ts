import fc from 'fast-check';
import { Corpus, mutantArb, runMutant } from '../fuzz/campaign';
import { Tally } from '../fuzz/tally';

/**
 * The CI fuzz profile: mutants of the real kops specs and validation cases through every engine entry point
 * (see test/fuzz/). FUZZ_RUNS (default 10,000), FUZZ_SEED and FUZZ_PATH override; silent unless a mutant
 * fails, when the error gives the shrunk mutant and the command that replays it. The seed is fixed so that CI
 * is reproducible; `npm run fuzz` (100,000 mutants, a new seed each run) is the campaign that looks for new failures.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_125);
const PATH = process.env.FUZZ_PATH;

describe('fuzzing the engine with mutated real specs', function () {
  this.timeout(60 * 60_000);

  it(`${RUNS} mutants: no exception escapes, every result keeps the LSP invariants, incremental equals fresh`, () => {
    const corpus = new Corpus();
    const details = fc.check(
      fc.property(mutantArb(corpus.seeds.length), (m) => {
        const tally = new Tally();
        runMutant(corpus, m, `FUZZ_SEED=${SEED} (${corpus.describe(m)})`, tally);
        if (tally.failures()) throw new Error(tally.report());
      }),
      { seed: SEED, numRuns: RUNS, interruptAfterTimeLimit: 30 * 60_000, markInterruptAsFailure: true, ...(PATH ? { path: PATH } : {}) },
    );
    if (!details.failed) return;
    const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance ?? '');
    const replay =
      details.counterexamplePath === null
        ? ''
        : `\nReplay: FUZZ_SEED=${details.seed} FUZZ_PATH=${details.counterexamplePath}` +
          ' npx mocha --config test/integration/.mocharc.json test/integration/fuzz.test.ts';
    throw new Error(`${fc.defaultReportMessage(details)}\n${cause}${replay}`);
  });
});
