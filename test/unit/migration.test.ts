import { strict as assert } from 'assert';
import { migrationGuide, migrationTopic } from '../../server/src/engine/features/migration/guide';
import { newestKops, parseKopsVersion, type KopsVersion } from '../../server/src/engine/kops/releases';

const kops = (text: string): KopsVersion => {
  const parsed = parseKopsVersion(text);
  if ('error' in parsed) throw new Error(parsed.error);
  return parsed.version;
};

/** The commands inside fenced bash blocks, as a user would copy them (comments dropped). */
const commands = (markdown: string): string[] =>
  [...markdown.matchAll(/```bash\n([\s\S]*?)```/g)]
    .flatMap((m) => m[1].split('\n'))
    .map((l) => l.replace(/\s+#.*$/, '').trim())
    .filter(Boolean);

describe('migration guidance', () => {
  it('knows which keys need a sequence on a running cluster', () => {
    assert.equal(migrationTopic('spec.networking.cilium.enableNodePort'), 'nodePort');
    assert.equal(migrationTopic(['spec', 'kubeProxy', 'enabled']), 'nodePort');
    assert.equal(migrationTopic('spec.networking.cilium.ipam'), 'ipam');
    assert.equal(migrationTopic('spec.networking.cilium.enableEncryption'), 'encryption');
    assert.equal(migrationTopic('spec.networking.cilium.etcdManaged'), 'etcd');
    assert.equal(migrationTopic('spec.networking.cilium.tunnel'), undefined);
    assert.equal(migrationGuide('spec.networking.cilium.tunnel', newestKops()), undefined);
  });

  it('gives NodePort its safe order and the kernel requirement, as copyable commands', () => {
    const guide = migrationGuide('spec.networking.cilium.enableNodePort', newestKops(), 'demo.example.com')!;
    assert.match(guide, /4\.19\.57/);
    assert.deepEqual(commands(guide), [
      'kops update cluster --name demo.example.com',
      'kops update cluster --name demo.example.com --yes',
      'kubectl -n kube-system rollout restart ds/cilium',
      'kops rolling-update cluster --name demo.example.com --yes',
    ]);
  });

  it('puts the IPsec secret before the update and mentions WireGuard only where kops has it', () => {
    const guide = migrationGuide(['spec', 'networking', 'cilium', 'enableEncryption'], newestKops())!;
    const steps = commands(guide);
    assert.match(steps[0], /^kops create secret ciliumpassword -f -/);
    assert.deepEqual(steps.slice(1), ['kops update cluster --yes', 'kops rolling-update cluster --yes']);
    assert.match(guide, /WireGuard/);
    assert.doesNotMatch(migrationGuide('spec.networking.cilium.enableEncryption', kops('v1.21.0'))!, /WireGuard/);
  });

  it('rolls the nodes for IPAM and etcd changes', () => {
    for (const key of ['ipam', 'etcdManaged']) {
      const steps = commands(migrationGuide(`spec.networking.cilium.${key}`, newestKops())!);
      assert.ok(steps.includes('kops update cluster --yes'), key);
      assert.ok(
        steps.some((s) => s.startsWith('kops rolling-update cluster') && s.includes('--yes')),
        key,
      );
    }
  });

  it('leaves out a cluster name that is not a plain DNS name', () => {
    const guide = migrationGuide('spec.networking.cilium.ipam', newestKops(), 'x; rm -rf /')!;
    assert.doesNotMatch(guide, /rm -rf/);
  });
});
