import { randomBytes } from 'crypto';
import { promises as fs } from 'fs';

/**
 * The Cilium IPsec key in the one-line format `kops create secret ciliumpassword` stores: key id 3,
 * AES-GCM (RFC 4106), 20 random bytes (16-byte key + 4-byte salt) as 40 hex characters, 128-bit ICV.
 * Nothing here logs or returns the key anywhere but to its caller.
 */
export const IPSEC_KEY_PATTERN = /^keys: 3 rfc4106\(gcm\(aes\)\) [0-9a-f]{40} 128$/;

export function generateCiliumIpsecKey(random: (size: number) => Buffer = randomBytes): string {
  const bytes = random(20);
  if (bytes.length !== 20) throw new Error('the random source returned the wrong number of bytes');
  return `keys: 3 rfc4106(gcm(aes)) ${bytes.toString('hex')} 128`;
}

/** A name kops accepts for --name and that is safe to show as a command line: a DNS name. */
export const isClusterName = (name: string): boolean => /^[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?$/.test(name);

/** Arguments of `kops create secret ciliumpassword`, reading the key from standard input. */
export function createSecretArgs(clusterName: string, rotate: boolean): string[] {
  return ['create', 'secret', 'ciliumpassword', '-f', '-', '--name', clusterName, ...(rotate ? ['--force'] : [])];
}

/** The command that stores a key pasted into it: kops reads the key from standard input. */
export function pasteCommand(clusterName: string | undefined): string {
  const name = clusterName && isClusterName(clusterName) ? clusterName : '<cluster>';
  return `kops create secret ciliumpassword -f - --name ${name}`;
}

/** What the spec says about encryption, as far as the pick's title needs it. */
export interface EncryptionSettings {
  wireGuardAvailable: boolean;
  enableEncryption: boolean;
  encryptionType?: string;
}

/** WireGuard is named as the alternative only while the spec has chosen no encryption yet. */
export function ipsecPickTitle(settings: EncryptionSettings | undefined): string {
  const undecided = settings?.wireGuardAvailable && !settings.enableEncryption && !settings.encryptionType;
  return undecided ? 'Generate Cilium IPsec key (or use WireGuard, which needs none)' : 'Generate Cilium IPsec key';
}

/** What to run after replacing the key so the nodes pick it up. */
export function rotationFollowUp(clusterName: string): string[] {
  return [`kops update cluster --name ${clusterName} --yes`, `kops rolling-update cluster --name ${clusterName} --yes`];
}

/**
 * Writes the key file readable by its owner only. The mode is set before any key byte is written, also when
 * an existing file is replaced; `overwrite: false` fails on an existing file instead of touching it.
 */
export async function writeKeyFile(filePath: string, key: string, overwrite: boolean): Promise<void> {
  const handle = await fs.open(filePath, overwrite ? 'w' : 'wx', 0o600);
  try {
    await handle.chmod(0o600);
    await handle.writeFile(`${key}\n`);
  } finally {
    await handle.close();
  }
}

/** Terminal text for a pseudoterminal: bare newlines become CRLF. */
export const terminalText = (text: string): string => text.replace(/\r?\n/g, '\r\n');
