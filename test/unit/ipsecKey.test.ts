import { strict as assert } from 'assert';
import {
  createSecretArgs,
  generateCiliumIpsecKey,
  IPSEC_KEY_PATTERN,
  ipsecPickTitle,
  isClusterName,
  pasteCommand,
  rotationFollowUp,
  terminalText,
} from '../../client/src/commands/ciliumKey';
import { ciliumEncryptionInfo } from '../../server/src/engine/features/ciliumEncryption';
import { diagnose } from '../../server/src/engine/checks/diagnostics';
import { parseFile } from '../../server/src/engine/document/documents';
import { effectiveKopsVersion } from '../../server/src/engine/kops/effectiveVersion';
import { applyEdits } from '../helpers/applyEdits';
import { kopsDocument } from '../helpers/kopsText';

describe('Cilium IPsec key', () => {
  it("has exactly kops' one-line format", () => {
    const key = generateCiliumIpsecKey();
    assert.match(key, IPSEC_KEY_PATTERN);
    assert.match(key, /^keys: 3 rfc4106\(gcm\(aes\)\) [0-9a-f]{40} 128$/);
  });

  it('writes the 20 random bytes as hex', () => {
    const fixed = (size: number) => Buffer.from(Array.from({ length: size }, (_, i) => i * 13));
    assert.equal(generateCiliumIpsecKey(fixed), 'keys: 3 rfc4106(gcm(aes)) 000d1a2734414e5b6875828f9ca9b6c3d0ddeaf7 128');
  });

  it('differs between two runs', () => {
    assert.notEqual(generateCiliumIpsecKey(), generateCiliumIpsecKey());
  });

  it('refuses a random source that returns the wrong size', () => {
    assert.throws(() => generateCiliumIpsecKey(() => Buffer.alloc(16)));
  });

  it('passes the key on stdin only: the kops arguments never contain it', () => {
    assert.deepEqual(createSecretArgs('demo.example.com', false), [
      'create',
      'secret',
      'ciliumpassword',
      '-f',
      '-',
      '--name',
      'demo.example.com',
    ]);
    assert.deepEqual(createSecretArgs('demo.example.com', true).slice(-1), ['--force']);
    assert.deepEqual(rotationFollowUp('demo.example.com'), [
      'kops update cluster --name demo.example.com --yes',
      'kops rolling-update cluster --name demo.example.com --yes',
    ]);
  });

  it('tells the user who copied the key the whole command to paste it into, with the cluster name', () => {
    assert.equal(pasteCommand('demo.example.com'), 'kops create secret ciliumpassword -f - --name demo.example.com');
    assert.equal(pasteCommand(undefined), 'kops create secret ciliumpassword -f - --name <cluster>');
    assert.equal(pasteCommand('x; rm -rf /'), 'kops create secret ciliumpassword -f - --name <cluster>');
  });

  it('names WireGuard in the pick only while the spec has chosen no encryption', () => {
    const none = { wireGuardAvailable: true, enableEncryption: false };
    assert.match(ipsecPickTitle(none), /WireGuard/);
    assert.doesNotMatch(ipsecPickTitle({ ...none, encryptionType: 'ipsec' }), /WireGuard/);
    assert.doesNotMatch(ipsecPickTitle({ ...none, enableEncryption: true }), /WireGuard/);
    assert.doesNotMatch(ipsecPickTitle({ ...none, wireGuardAvailable: false }), /WireGuard/);
    assert.doesNotMatch(ipsecPickTitle(undefined), /WireGuard/);
  });

  it('accepts DNS-style cluster names only', () => {
    assert.equal(isClusterName('demo.k8s.local'), true);
    for (const bad of ['', '-x', 'a b', 'x;rm -rf /', '$(id)']) assert.equal(isClusterName(bad), false, bad);
  });

  it('turns newlines into CRLF for the pseudoterminal', () => {
    assert.equal(terminalText('a\nb\r\nc'), 'a\r\nb\r\nc');
  });
});

describe('IPsec spec settings offered by the key command', () => {
  const spec = (version: string, cilium: string) =>
    `# kops-version: ${version}\n${kopsDocument('Cluster', 'demo.example.com', [
      '  kubernetesVersion: 1.35.0',
      '  networking:',
      `    cilium:${cilium}`,
    ])}`;

  it('adds enableEncryption and encryptionType: ipsec together, leaving a valid spec', () => {
    const text = spec('v1.36.2', ' {}');
    const file = parseFile(text);
    const info = ciliumEncryptionInfo(file, effectiveKopsVersion(file, {}));
    assert.equal(info.clusterName, 'demo.example.com');
    assert.equal(info.wireGuardAvailable, true);
    const out = applyEdits(text, info.settingsEdits);
    assert.equal(out, spec('v1.36.2', '\n      enableEncryption: true\n      encryptionType: ipsec'));
    const fixed = parseFile(out);
    assert.deepEqual(
      diagnose(fixed, effectiveKopsVersion(fixed, {})).map((f) => f.code),
      [],
    );
  });

  it('offers nothing when both are set, and only enableEncryption before kops v1.22', () => {
    const done = parseFile(spec('v1.36.2', '\n      enableEncryption: true\n      encryptionType: ipsec'));
    assert.deepEqual(ciliumEncryptionInfo(done, effectiveKopsVersion(done, {})).settingsEdits, []);
    const text = spec('v1.21.0', '\n      ipam: kubernetes');
    const old = parseFile(text);
    const info = ciliumEncryptionInfo(old, effectiveKopsVersion(old, {}));
    assert.equal(info.wireGuardAvailable, false);
    assert.equal(applyEdits(text, info.settingsEdits), spec('v1.21.0', '\n      ipam: kubernetes\n      enableEncryption: true'));
  });
});
