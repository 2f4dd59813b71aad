/**
 * Mutants that once failed (or, for 20261125, the seed the CI profile was fixed at before it took a fresh one),
 * run by the CI profile every time. Each is `npm run fuzz -- --seed <seed> --mutants 1`; `mutant` is what that
 * seed generates, checked first, so a change to the generator that moves a seed elsewhere cannot go unnoticed.
 * A new failure: add its seed, the mutant it prints (before any `; ground:`) and what it found.
 */
export interface RegressionSeed {
  seed: number;
  mutant: string;
  found: string;
}

export const REGRESSION_SEEDS: readonly RegressionSeed[] = [
  {
    seed: 424522,
    mutant: 'validation-cases/case-078.yaml duplicateLines+ciliumKey+insert+replaceValue+ciliumKey setting="v1.18.0"',
    found: 'the safe fix-all and the ipv6Node removal change or drop a comment line (issue 15)',
  },
  {
    seed: 443883,
    mutant: 'validation-cases/case-084.yaml tagValue',
    found: 'removing a tagged `version` value leaves a YAML syntax error (issue 15)',
  },
  {
    seed: 20_261_125,
    mutant: 'validation-cases/case-042.yaml hugeScalar setting="v1.36.2"',
    found: 'nothing yet: the CI profile ran this seed alone until issue 15',
  },
];
