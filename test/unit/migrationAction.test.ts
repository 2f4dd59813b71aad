import { strict as assert } from 'assert';
import { codeActions } from '../../server/src/engine/features/codeActions';
import { diagnose } from '../../server/src/engine/checks/diagnostics';
import { parseFile } from '../../server/src/engine/document/documents';
import { effectiveKopsVersion } from '../../server/src/engine/kops/effectiveVersion';
import { withCursor } from '../helpers/marker';
import { kopsDocument } from '../helpers/kopsText';

function migrationGuideAt(fixture: string): string | undefined {
  const { text, position } = withCursor(fixture);
  const file = parseFile(text);
  const eff = effectiveKopsVersion(file, {});
  const action = codeActions(file, eff, { start: position, end: position }, diagnose(file, eff)).find(
    (a) => a.command?.name === 'showMigrationGuide',
  );
  return action?.command?.arguments?.[0] as string | undefined;
}

const cluster = (cilium: string) =>
  `${kopsDocument('Cluster', 'c.example.com', ['  kubeProxy:', '    enabled: false', '  networking:', '    cilium:'])}${cilium}`;

describe('migration code action', () => {
  it('offers the safe NodePort sequence on enableNodePort, with the cluster name in the commands', () => {
    const guide = migrationGuideAt(cluster('      enable|NodePort: true\n'));
    assert.ok(guide);
    assert.match(guide, /4\.19\.57/);
    assert.match(guide, /kops rolling-update cluster --name c\.example\.com --yes/);
    assert.match(guide, /rollout restart ds\/cilium/);
  });

  it('offers the IPAM guide on ipam', () => {
    assert.match(migrationGuideAt(cluster('      ip|am: eni\n')) ?? '', /IPAM/);
  });

  it("offers it anywhere on the key's line, its value included, and on no other line", () => {
    assert.match(migrationGuideAt(cluster('      ipam: en|i\n')) ?? '', /IPAM/);
    assert.match(migrationGuideAt(cluster('      |ipam: eni\n')) ?? '', /IPAM/);
    assert.equal(migrationGuideAt(cluster('      ipam: eni\n      version: v1.1|8.6\n')), undefined);
    assert.equal(migrationGuideAt(cluster('      hubble:\n        en|abled: true\n      ipam: eni\n')), undefined);
    assert.equal(migrationGuideAt(cluster('      ipam: eni\n      # |later\n')), undefined);
  });

  it('offers nothing on keys that are safe to change', () => {
    assert.equal(migrationGuideAt(cluster('      agent|PrometheusPort: 9090\n')), undefined);
  });
});
