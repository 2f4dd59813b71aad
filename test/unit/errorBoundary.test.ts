import { strict as assert } from 'assert';
import {
  CHECK_FAMILIES,
  diagnose,
  documentFindings,
  type CheckFamily,
  type DocumentFindings,
} from '../../server/src/engine/checks/diagnostics';
import { parseFile } from '../../server/src/engine/document/documents';
import type { ErrorContext, ErrorSink } from '../../server/src/engine/errorBoundary';
import { effectiveKopsVersion } from '../../server/src/engine/kops/effectiveVersion';
import { clusterWithCiliumFindings } from '../helpers/kopsText';

/** One finding from each check family: the schema, the Cilium fields and the kops rules. */
const SPEC = clusterWithCiliumFindings('a.example.com', ['  zzzUnknown: 1']);

const brokenRule: CheckFamily = {
  name: 'broken rule',
  scope: 'whole-document',
  run: () => {
    throw new TypeError('a rule bug');
  },
};

/** The product's per-document checks with one more family, registered like the real ones, that throws. */
const withBrokenRule =
  (onError?: ErrorSink): DocumentFindings =>
  (doc, v) =>
    documentFindings(doc, v, { onError, families: [...CHECK_FAMILIES, brokenRule] });

describe('errors reported at the boundary: a check that throws', () => {
  const file = parseFile(SPEC);
  const eff = effectiveKopsVersion(file, {});

  it('is reported to the sink with its family, and every other finding is still there', () => {
    const reports: Array<{ error: unknown; context: ErrorContext }> = [];
    const findings = diagnose(
      file,
      eff,
      withBrokenRule((error, context) => reports.push({ error, context })),
    );
    const reported = reports.map((r) => [(r.error as Error).message, r.context]);
    assert.deepEqual(reported, [['a rule bug', { feature: 'diagnostics: broken rule' }]]);
    assert.deepEqual(
      findings.map((f) => f.code),
      ['cilium-nodeport-kubeproxy', 'cilium-unknown-key', 'schema-unknown-key'],
    );
    assert.deepEqual(findings, diagnose(file, eff));
  });

  it('fails the caller when no sink is given, as in the unit tests and the fuzzer', () => {
    assert.throws(() => diagnose(file, eff, withBrokenRule()), /a rule bug/);
  });
});
