// Installs the comparison server (yaml-language-server, pinned) into the git-ignored bench/.deps/
// and writes the kops JSON schema it is configured with.
// usage: tsx bench/deps.ts
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { writeSchema } from './crd2schema';
import { DEPS_DIR } from './lib/servers';

export const YLS_VERSION = '1.25.0';

function installedVersion(): string | undefined {
  const pkg = path.join(DEPS_DIR, 'node_modules', 'yaml-language-server', 'package.json');
  return fs.existsSync(pkg) ? (JSON.parse(fs.readFileSync(pkg, 'utf8')) as { version: string }).version : undefined;
}

/** Returns undefined when ready, or why yaml-language-server cannot be run (the bench then measures ours only). */
export function ensureDeps(log: (line: string) => void = console.error): string | undefined {
  writeSchema();
  if (installedVersion() === YLS_VERSION) return undefined;
  fs.mkdirSync(DEPS_DIR, { recursive: true });
  fs.writeFileSync(
    path.join(DEPS_DIR, 'package.json'),
    JSON.stringify(
      {
        name: 'kops-spec-bench-deps',
        private: true,
        description: 'Comparison server for bench/ (git-ignored, installed by bench/deps.ts)',
        dependencies: { 'yaml-language-server': YLS_VERSION },
      },
      null,
      2,
    ),
  );
  log(`installing yaml-language-server ${YLS_VERSION} into ${path.relative(process.cwd(), DEPS_DIR)} …`);
  try {
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], {
      cwd: DEPS_DIR,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  } catch (e) {
    return `npm install failed: ${(e as Error).message.split('\n')[0]}`;
  }
  return installedVersion() === YLS_VERSION ? undefined : 'yaml-language-server missing after npm install';
}

if (require.main === module) {
  const problem = ensureDeps();
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
  console.error(`yaml-language-server ${installedVersion()} ready in ${DEPS_DIR}`);
}
