import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';

// What the README's Security section promises that can be read off the manifest and the sources: no setting
// names a program and untrusted folders get the limited mode (the bundles: test/integration/bundleReview.test.ts).
const REPO = path.join(__dirname, '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
const source = (file: string) => fs.readFileSync(path.join(REPO, file), 'utf8');

interface Setting {
  type?: string;
  enum?: unknown[];
  description?: string;
  markdownDescription?: string;
}
const settings: Record<string, Setting> = pkg.contributes.configuration.properties;

/** Settings reviewed as data only (no program, path, argument or environment): a new setting has to be reviewed here. */
const DATA_ONLY_SETTINGS: Record<string, string> = {
  'kopsSpec.kopsVersion': 'a kops release name, parsed by the engine (an unknown one is a finding)',
  'kopsSpec.trace.server': 'an enum of log levels for the LSP trace',
};

describe('settings cannot point the extension at a program', () => {
  it('contributes only reviewed data settings, none of them a path, command, argument or environment', () => {
    assert.deepEqual(Object.keys(settings).sort(), Object.keys(DATA_ONLY_SETTINGS).sort());
    for (const [name, setting] of Object.entries(settings)) {
      assert.ok(setting.type === 'string' || setting.type === 'boolean', `${name} is a plain value`);
      const text = `${name} ${setting.description ?? ''} ${setting.markdownDescription ?? ''}`;
      assert.doesNotMatch(text, /\b(path|executable|binary|command|program|runtime|args|arguments|env|shell)\b/i, name);
    }
    assert.deepEqual(settings['kopsSpec.trace.server'].enum, ['off', 'messages', 'verbose']);
  });

  it("reads no setting but its own kops version and Red Hat YAML's `yaml.validate` flag", () => {
    const clientFiles = fs.readdirSync(path.join(REPO, 'client/src'), { recursive: true }) as string[];
    const read = new Set<string>();
    for (const file of clientFiles.filter((f) => f.endsWith('.ts'))) {
      const text = source(path.join('client/src', file));
      const sections = [...text.matchAll(/getConfiguration\(([^)]*)\)/g)].map((m) => m[1]);
      for (const section of sections) {
        const name = section === 'CONFIG_SECTION' ? 'kopsSpec' : section.replace(/['"]/g, '');
        for (const key of text.matchAll(/\.get(?:<[^>]+>)?\('([^']+)'/g)) read.add(`${name}.${key[1]}`);
      }
    }
    assert.deepEqual([...read].sort(), ['kopsSpec.kopsVersion', 'yaml.validate']);
  });

  it('starts the server from its own dist/server.js, with no runtime or command taken from anywhere', () => {
    const text = source('client/src/languageClient.ts');
    assert.match(text, /const serverModule = context\.asAbsolutePath\('dist\/server\.js'\);/);
    assert.doesNotMatch(text, /\b(runtime|command)\s*:/);
  });
});

describe('untrusted workspaces', () => {
  it('are supported in limited mode; a setting outside the reviewed list would have to be restricted', () => {
    const untrusted = pkg.capabilities.untrustedWorkspaces;
    assert.equal(untrusted.supported, 'limited');
    const restricted: string[] = untrusted.restrictedConfigurations ?? [];
    for (const name of Object.keys(settings)) {
      assert.ok(name in DATA_ONLY_SETTINGS || restricted.includes(name), `${name} is data only or restricted`);
    }
  });

  it('the IPsec key command, which runs kops and writes files, is enabled and listed only in trusted workspaces', () => {
    const command = pkg.contributes.commands.find((c: { command: string }) => c.command === 'kopsSpec.generateCiliumIpsecKey');
    assert.match(command.enablement, /\bisWorkspaceTrusted\b/);
    const palette = pkg.contributes.menus.commandPalette.find((m: { command: string }) => m.command === command.command);
    assert.match(palette.when, /\bisWorkspaceTrusted\b/);
  });
});
