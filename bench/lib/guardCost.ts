// The edit guard's CPU cost per code action request, in process, on the fixture with three fixable mistakes in
// every Cilium block: at every finding and on the first `cilium:` line (the etcd rewrite), the whole request and
// the guard's share of it (editProblems run again on the offers codeActions checks).
import {
  codeActions,
  diagnose,
  editProblems,
  effectiveKopsVersion,
  fixesFor,
  fixOffer,
  parseFile,
  type Finding,
  type Range,
} from '../../server/src/engine';
import { distribution, type Distribution } from './stats';

export interface GuardCost {
  requests: number;
  /** Actions with edits offered per request, summed over the requests. */
  guardedActions: number;
  /** The first request at each place on this version of the text (the guard's results are kept per parsed file after it). */
  firstRequestMs: Distribution;
  /** The requests after it on the same text, as when the cursor moves. */
  laterRequestMs: Distribution;
  /** The guard's own work per request, done afresh. */
  guardMs: Distribution;
}

const ETCD = [
  ['spec', 'etcdClusters'],
  ['spec', 'networking', 'cilium', 'etcdManaged'],
];

const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Mistakes with fixes, written into every Cluster's Cilium block (the fixture itself is clean). */
const MISTAKES = ['      enableBPFMasqurade: true', '      tunnel: vxlann', '      monitorAggregation: meduim'];

export function withMistakes(text: string): string {
  return text.replace(/^ {4}cilium:\n/gm, (line) => `${line}${MISTAKES.join('\n')}\n`);
}

export function measureGuardCost(fixtureText: string, rounds = 5): GuardCost {
  const text = withMistakes(fixtureText);
  const file = parseFile(text);
  const eff = effectiveKopsVersion(file, {});
  const findings = diagnose(file, eff);
  const cilium = file.lines.positionAt(text.indexOf('    cilium:\n') + 4);
  const sites: Array<{ range: Range; here: Finding[] }> = [
    ...findings.map((f) => ({ range: f.range, here: [f] })),
    { range: { start: cilium, end: cilium }, here: [] },
  ];
  const batch = findings.flatMap((finding) =>
    fixesFor(file, eff.version, finding)
      .filter((fix) => fix.preferred && fix.fixAllSafe)
      .slice(0, 1)
      .map((fix) => ({ finding, fix })),
  );
  const requestMs: number[] = [];
  const laterMs: number[] = [];
  const guardMs: number[] = [];
  let guardedActions = 0;
  for (let round = 0; round < rounds; round++) {
    for (const { range, here } of sites) {
      let t0 = cpuMs();
      const actions = codeActions(file, eff, range, findings, ['source.fixAll']);
      (round === 0 ? requestMs : laterMs).push(cpuMs() - t0);
      const offers = here.flatMap((finding) =>
        fixesFor(file, eff.version, finding).map((fix) => fixOffer(file, eff.version, fixesFor, fix.title, [{ finding, fix }])),
      );
      t0 = cpuMs();
      for (const offer of offers) editProblems(file, offer);
      // The fix-alls (the preferred batch-safe fix of each finding) and the etcd rewrite, as codeActions offers them.
      for (const a of actions.filter((x) => x.edits.length && !offers.some((o) => o.title === x.title))) {
        const parts = batch.filter((p) => a.edits.includes(p.fix.edits[0]));
        editProblems(
          file,
          parts.length ? fixOffer(file, eff.version, fixesFor, a.title, parts) : { title: a.title, edits: a.edits, touches: ETCD },
        );
      }
      guardMs.push(cpuMs() - t0);
      if (round === 0) guardedActions += actions.filter((a) => a.edits.length).length;
    }
  }
  return {
    requests: sites.length,
    guardedActions,
    firstRequestMs: distribution(requestMs),
    laterRequestMs: distribution(laterMs),
    guardMs: distribution(guardMs),
  };
}
