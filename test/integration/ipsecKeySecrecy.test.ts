import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createSecretArgs, generateCiliumIpsecKey, IPSEC_KEY_PATTERN, writeKeyFile } from '../../client/src/commands/ciliumKey';
import { runInTerminalStub } from '../helpers/secretTerminalStub';

// The IPsec key on disk and on its way to kops: real files (mode 0600 from the first byte) and a real process.

describe('saving the IPsec key', () => {
  let dir: string;
  let umask: number;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kops-secret-'));
    umask = process.umask(0); // the most permissive umask: 0600 must come from the code, not the environment
  });
  afterEach(() => {
    process.umask(umask);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Runs `body` while recording the file's mode at every write through a handle fs.promises.open returned. */
  async function modesAtWrites(body: () => Promise<void>): Promise<number[]> {
    const promises = fs.promises as { open: typeof fs.promises.open };
    const open = promises.open;
    const modes: number[] = [];
    promises.open = async (...args: Parameters<typeof open>) => {
      const handle = await open(...args);
      for (const name of ['write', 'writeFile', 'appendFile', 'writev'] as const) {
        const original = handle[name].bind(handle) as (...a: unknown[]) => Promise<unknown>;
        (handle as unknown as Record<string, unknown>)[name] = async (...a: unknown[]) => {
          modes.push((await handle.stat()).mode & 0o777);
          return original(...a);
        };
      }
      return handle;
    };
    try {
      await body();
    } finally {
      promises.open = open;
    }
    return modes;
  }

  it('creates the file with mode 0600 before any key byte is written, whatever the umask', async () => {
    const file = path.join(dir, 'keys.yaml');
    const key = generateCiliumIpsecKey();
    const modes = await modesAtWrites(() => writeKeyFile(file, key, false));
    assert.ok(modes.length > 0, 'the key went through the opened handle');
    assert.deepEqual(new Set(modes), new Set([0o600]));
    assert.equal(fs.statSync(file).mode & 0o777, 0o600);
    assert.equal(fs.readFileSync(file, 'utf8'), `${key}\n`);
  });

  it('makes a replaced world-readable file 0600 before writing the new key into it', async () => {
    const file = path.join(dir, 'keys.yaml');
    fs.writeFileSync(file, 'keys: old\n', { mode: 0o666 });
    fs.chmodSync(file, 0o666);
    const key = generateCiliumIpsecKey();
    const modes = await modesAtWrites(() => writeKeyFile(file, key, true));
    assert.deepEqual(new Set(modes), new Set([0o600]));
    assert.equal(fs.readFileSync(file, 'utf8'), `${key}\n`);
  });

  it('leaves an existing file alone, content and mode, unless replacing was confirmed', async () => {
    const file = path.join(dir, 'keys.yaml');
    fs.writeFileSync(file, 'keys: old\n');
    fs.chmodSync(file, 0o644);
    const modes = await modesAtWrites(() => assert.rejects(writeKeyFile(file, generateCiliumIpsecKey(), false), /EEXIST/));
    assert.deepEqual(modes, []);
    assert.equal(fs.readFileSync(file, 'utf8'), 'keys: old\n');
    assert.equal(fs.statSync(file).mode & 0o777, 0o644);
  });
});

describe('kops in a terminal, the key on its standard input', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kops-stdin-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** A stand-in `kops` executable that records its arguments and standard input, and prints neither. */
  function fakeKops(): { command: string; record: string } {
    const record = path.join(dir, 'record.json');
    const command = path.join(dir, 'kops');
    fs.writeFileSync(
      command,
      `#!${process.execPath}
let stdin = '';
process.stdin.on('data', (d) => { stdin += d; });
process.stdin.on('end', () => {
  require('fs').writeFileSync(${JSON.stringify(record)}, JSON.stringify({ argv: process.argv.slice(2), stdin }));
  console.log('secret/ciliumpassword created');
});
`,
      { mode: 0o755 },
    );
    return { command, record };
  }

  it('feeds the key to stdin only: neither the arguments nor anything the terminal shows contain it', async () => {
    const kops = fakeKops();
    const key = generateCiliumIpsecKey();
    const hex = key.split(' ')[3];
    const args = createSecretArgs('demo.example.com', false);
    const { shown, terminalName } = await runInTerminalStub({ title: 'kops: Cilium IPsec key', command: kops.command, args, stdin: key });
    const seen = JSON.parse(fs.readFileSync(kops.record, 'utf8')) as { argv: string[]; stdin: string };
    assert.deepEqual(seen.argv, ['create', 'secret', 'ciliumpassword', '-f', '-', '--name', 'demo.example.com']);
    assert.equal(seen.stdin, `${key}\n`);
    assert.match(seen.stdin.trim(), IPSEC_KEY_PATTERN);
    assert.ok(shown.startsWith(`$ ${kops.command} create secret ciliumpassword -f - --name demo.example.com`), shown);
    assert.match(shown, /secret\/ciliumpassword created/);
    assert.ok(!shown.includes(hex) && !terminalName.includes(hex), 'the terminal never shows the key');
  });

  it('says so when kops is missing, and the key appears nowhere in the terminal', async () => {
    const key = generateCiliumIpsecKey();
    const { shown } = await runInTerminalStub({
      title: 'kops: Cilium IPsec key',
      command: path.join(dir, 'no-such-kops'),
      args: createSecretArgs('demo.example.com', true),
      stdin: key,
    });
    assert.match(shown, /was not found on PATH/);
    assert.ok(!shown.includes(key.split(' ')[3]));
  });
});
