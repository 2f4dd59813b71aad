import { strict as assert } from 'assert';
import { toDiagnostic } from '../../server/src/lspConvert';
import { diagnose, effectiveKopsVersion, parseFile, type Finding } from '../../server/src/engine';
import { kopsDocument } from '../helpers/kopsText';

const URI = 'file:///home/user/cluster.yaml';

function findingFor(body: string[], code: string): Finding {
  const file = parseFile(kopsDocument('Cluster', 'a.example.com', body));
  const found = diagnose(file, effectiveKopsVersion(file, {})).find((f) => f.code === code);
  assert.ok(found, `a ${code} finding`);
  return found;
}

describe('LSP diagnostics: the message alone, kops’ report as related information', () => {
  it("gives kops' path, error type and detail at the diagnostic's own place, and leaves the message as written", () => {
    const f = findingFor(['  networking:', '    cilium:', '      ipam: foo'], 'cilium-enum-ipam');
    const d = toDiagnostic(f, URI);
    assert.equal(d.message, f.message);
    assert.doesNotMatch(d.message, /spec\.networking\.cilium\.ipam|NotSupported/);
    assert.deepEqual(d.relatedInformation, [
      {
        location: { uri: URI, range: f.range },
        message: `kops reports spec.networking.cilium.ipam: Unsupported value: ${f.kops?.detail}`,
      },
    ]);
  });

  it('says when only kops update cluster fails, after kops filled in its defaults', () => {
    const f = findingFor(
      ['  kubernetesVersion: 1.35.0', '  networking:', '    cilium:', '      enableNodePort: true'],
      'cilium-nodeport-kubeproxy',
    );
    const [related] = toDiagnostic(f, URI).relatedInformation ?? [];
    assert.match(related.message, /^kops reports spec\.spec\.kubeProxy\.enabled: Forbidden: .+ \(at kops update cluster\)$/);
  });

  it('has no related information for a finding kops itself does not report', () => {
    const f = findingFor(['  networking:', '    cilium:', '      enableNodeport: true'], 'cilium-unknown-key');
    assert.equal(toDiagnostic(f, URI).relatedInformation, undefined);
  });
});
