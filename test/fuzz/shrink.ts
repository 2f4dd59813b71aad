import fc from 'fast-check';
import { type Corpus, runMutant } from './campaign';
import { groundText } from './ground';
import { Tally } from './tally';

/**
 * The smallest mutant fast-check finds that still fails like the one of `seed` (`npm run fuzz -- --seed S
 * --mutants 1 --shrink`): fc.check's first mutant for a seed is the campaign's, so shrinking starts from it.
 * Prints the shrunk mutant and its texts, the start of a minimal regression case.
 */
export function shrink(corpus: Corpus, seed: number): void {
  let last: Tally | undefined;
  const details = fc.check(
    fc.property(corpus.arb(), (m) => {
      last = new Tally();
      runMutant(corpus, m, `shrinking --seed ${seed}`, last);
      return last.failures() === 0;
    }),
    { seed, numRuns: 1 },
  );
  const m = details.counterexample?.[0];
  if (!m) return void console.log(`seed ${seed}: no failure to shrink`);
  console.log(`seed ${seed} shrunk in ${details.numShrinks} steps to:\n${JSON.stringify(m)}`);
  console.log(`--- classic text (${corpus.describe({ ...m, ground: undefined })}):\n${corpus.text(m)}`);
  if (m.ground) console.log(`--- ground text:\n${groundText(corpus.ground, m.ground)}`);
  runMutant(corpus, m, 'shrunk', (last = new Tally()));
  console.log(last.report());
}
