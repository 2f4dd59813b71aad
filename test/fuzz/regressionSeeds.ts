/**
 * Mutants that once failed (or, for 20261125, the seed the CI profile was fixed at before it took a fresh one),
 * run by the CI profile every time. Each is `npm run fuzz -- --seed <seed> --mutants 1`; `mutant` is what that
 * seed generates, checked first, so a change to the generator that moves a seed elsewhere cannot go unnoticed
 * (the classic part only, unless `mutant` names its ground case too). A new failure: add its seed, the mutant it
 * prints and what it found.
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
  {
    seed: 1_427_715_623,
    mutant: 'validation-cases/case-071.yaml deleteLines+duplicateKey; ground: empty (document marker) bom+insertLine+lineEndings',
    found: 'a whole-file starter offered below `---` followed by a BOM, which then is content and breaks the YAML',
  },
  {
    seed: 1_427_712_059,
    mutant:
      'validation-cases/case-082.yaml duplicateLines+truncate+bom setting="v1.19.0"; ground: test/fixtures/kops/validation-cases-spec/case-326.yaml orphan newest-release(comment) insertLine',
    found: "a stale finding's own fix (api.loadBalancer.class) edits past the end of a line of the current text",
  },
  {
    seed: 1_427_712_648,
    mutant:
      'validation-cases/case-075.yaml deleteLines; ground: test/fixtures/kops/validation-cases-spec/case-315.yaml oldest-release(setting) bom+anchorAlias+deleteLines',
    found: "a stale finding's own fix (sshAccess CIDR) replaces what now stands at its range: a YAML syntax error",
  },
  {
    seed: 1_427_731_799,
    mutant:
      'specs/minimal-ipv6-cilium.yaml insert setting="v1.25.0"; ground: test/fixtures/kops/validation-cases-spec/case-326.yaml newest-release(setting) duplicateLines',
    found: "a stale finding's own fix (api.loadBalancer.class) overwrites a comment line",
  },
  {
    seed: 781_899_026,
    mutant:
      'specs/privatecilium.yaml ciliumKey+insertLine+ciliumKey setting="banana"; ground: test/fixtures/kops/integration/v1.36.2/create_cluster-cilium-eni.yaml v1alpha3 oldest-release(comment)',
    found: 'removing a dead Cilium key right above a line the parser could not read joins that line to other text (a new YAML error)',
  },
  {
    seed: 1_666_302_184,
    mutant: 'validation-cases/case-078.yaml lineEndings+duplicateKey+insertLine+swapLines setting="v1.30.0"',
    found: 'the IPsec settings, chained into one edit, start between the CR and LF of a line break and lose the CR (a YAML error)',
  },
  {
    seed: 1_812_049_119,
    mutant:
      'validation-cases/case-079.yaml replaceValue+insertLine+deleteLines+reindent setting="v1.23.2"; ground: samples/cilium-etcd.yaml newest-release(comment) swapLines+deepNesting',
    found:
      'a new `spec:` placed at the column of the explicit `? key` written first (not of its `?`): nested under `metadata:`, then added twice',
  },
  {
    seed: 1_812_050_730,
    mutant:
      'validation-cases/case-054.yaml bom+reindent+insertLine+insert setting="v1.18.0"; ground: test/fixtures/kops/validation-cases-spec/case-350.yaml orphan insertLine+duplicateKey+duplicateLines',
    found: "a new `spec:` placed one column in, after the `?` of an empty explicit key: its map's entries then start at two columns",
  },
  {
    seed: 1_812_025_303,
    mutant:
      'validation-cases/case-015.yaml duplicateKey+insert+hugeScalar+deepNesting+lineEndings setting="v1.23.2"; ground: test/fixtures/kops/integration/v1.30.4/update_cluster-privateciliumadvanced.yaml controlPlane v1alpha3 newest-release(comment) lineEndings+lineEndings',
    found:
      'the Cilium scenarios merged rewrote lone CRs as LFs, and a line diff of that split a CRLF: the edits did not give the merged text',
  },
  {
    seed: 1_812_048_687,
    mutant: 'validation-cases/case-079.yaml insert+tagValue+ciliumKey+reindent setting="v1.34.0"',
    found: 'the kops-version fix offered in a file with a NUL (not analysed) removes the NUL: the file becomes YAML with errors',
  },
  {
    seed: 1_812_049_738,
    mutant:
      'validation-cases/case-048.yaml truncate+deepNesting+duplicateLines+truncate; ground: test/fixtures/kops/validation-cases-spec/case-308.yaml newest-release(comment) insert',
    found: 'the kops-version fix removes a NUL from the version value: the one unanalysed document becomes three',
  },
  {
    seed: 1_812_030_785,
    mutant:
      'validation-cases/case-030.yaml duplicateKey+replaceValue+hugeScalar setting="v1.18.0"; ground: test/fixtures/kops/validation-cases-spec/case-326.yaml orphan newest-release(comment) duplicateKey+hugeScalar+tagValue',
    found:
      "a stale finding's own fix (api.loadBalancer.class) edits past the end of a line; the guard applied it clamped and let it through",
  },
  {
    seed: 1_535_246_067,
    mutant: 'specs/large-multidoc.yaml insertLine+replaceValue setting="v1.18.0"',
    found:
      'a value of a BOM and `#`: the guard took the `#` after the BOM for a comment the enum fix dropped (YAML separates comments by space or tab only)',
  },
  {
    seed: 1_535_250_749,
    mutant: 'specs/minimal-ipv6-cilium.yaml insert+replaceValue+insert+tagValue+insertLine setting="v1.36.2"',
    found: 'the IPsec settings wrote a new `spec:` right above lines the parser had silently dropped after a `?` key: it adopted them',
  },
  {
    seed: 198_261_980,
    mutant: 'specs/large-multidoc.yaml deepNesting+anchorAlias+insertLine+reindent+reindent',
    found:
      'removing `agentPodAnnotations: - - …` took only its line: the lines under it, which the parser had silently left out, joined the keys above (a YAML syntax error)',
  },
  {
    seed: 250_240_340,
    mutant: 'validation-cases/case-028.yaml tagValue+ciliumKey setting="v1.23.2"',
    found: 'the IPsec settings were added as keys with values under `networking: !!set`, whose items must have none',
  },
  {
    seed: 1_302_226_853,
    mutant:
      'specs/conversion-cilium-v1alpha3.yaml replaceValue setting="v1.23.2"; ground: test/fixtures/kops/integration/v1.36.2/update_cluster-digit.yaml newest-release(comment) reindent+truncate',
    found: "new keys placed before the space-only line a block scalar ends with (its content; the scalar's range stops before it)",
  },
  {
    seed: 1_302_221_572,
    mutant:
      'validation-cases/case-083.yaml reindent+lineEndings+lineEndings; ground: test/fixtures/kops/integration/v1.22.6/update_cluster-digit.yaml newest-release(comment) insert+lineEndings+truncate',
    found: 'the same, for the etcd command, the IPsec settings and the scenarios',
  },
  {
    seed: 158_818_628,
    mutant: 'validation-cases/case-015.yaml reindent+ciliumKey setting="v1.99.0"',
    found:
      "changing `chainingMode: ''` to a plain `none` right above a line the parser could not read: that line became the plain scalar's rest",
  },
  {
    seed: 659_181_056,
    mutant: 'specs/v1.19.0-privatecilium2.yaml hugeScalar+swapLines+anchorAlias+duplicateKey setting="v1.25.0"',
    found:
      'the etcd command and the IPsec settings wrote keys under `cilium: &a`, an empty value an alias uses, dropping its anchor: EditSafety saw no edit touch the empty range of an empty node',
  },
];
