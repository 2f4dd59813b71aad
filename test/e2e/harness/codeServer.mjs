// Starts code-server (the VS Code workbench + Node extension host) for one run, in its own folder:
// its own user data, extensions dir, XDG dirs and TMPDIR, a free port, and its own process group so
// stop() takes down the server, the extension host and the language server together.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { CODE_SERVER, CS_NODE, REPO } from './paths.mjs';

/** Quiet, deterministic workbench: no welcome page, chat, gallery or update traffic; only Ctrl+Space suggests. */
export const TEST_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
  // run folders live inside the repo: no "git repository found in parent folders" toast, no git scanning
  'git.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  'editor.quickSuggestions': { other: false, comments: false, strings: false },
  'editor.wordBasedSuggestions': 'off',
  // a test's edits stay in the editor: nothing is saved behind its back (undo and stale-fix tests rely on it)
  'files.autoSave': 'off',
};

/** Workspace trust on, and a folder nobody trusted stays in restricted mode without asking (startCodeServer's workspaceTrust). */
export const UNTRUSTED_SETTINGS = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.banner': 'never',
  'security.workspace.trust.emptyWindow': false,
};

/** The demo keeps VS Code's normal typing experience (suggestions while typing). */
export const DEMO_SETTINGS = Object.fromEntries(
  Object.entries(TEST_SETTINGS).filter(([key]) => key !== 'editor.quickSuggestions' && key !== 'editor.wordBasedSuggestions'),
);

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Environment that keeps every file code-server, VS Code, node and chromium write inside runDir. */
export function isolatedEnv(runDir) {
  const env = { ...process.env };
  for (const [key, dir] of [
    ['TMPDIR', 'tmp'],
    ['XDG_CONFIG_HOME', 'xdg-config'],
    ['XDG_DATA_HOME', 'xdg-data'],
    ['XDG_CACHE_HOME', 'xdg-cache'],
  ]) {
    env[key] = path.join(runDir, dir);
    fs.mkdirSync(env[key], { recursive: true });
  }
  return env;
}

/** A folder named publisher.name-version in --extensions-dir is loaded at start; a symlink to the repo is enough. */
function installExtensionLink(extensionsDir) {
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
  fs.symlinkSync(REPO, path.join(extensionsDir, `${pkg.publisher}.${pkg.name}-${pkg.version}`));
}

/** The run's own user data, extensions and config: code-server reads nothing of the user's. */
const profileArgs = (runDir, extensionsDir) => [
  '--user-data-dir',
  path.join(runDir, 'ud'),
  '--extensions-dir',
  extensionsDir,
  '--config',
  path.join(runDir, 'config.yaml'),
];

/** `code-server --install-extension <vsix>` into this run's extensions dir: the extension as a user installs it. */
function installVsix(vsix, runDir, extensionsDir, env) {
  const result = spawnSync(CS_NODE, [CODE_SERVER, ...profileArgs(runDir, extensionsDir), '--install-extension', vsix], {
    env,
    encoding: 'utf8',
    timeout: 120_000,
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  const logFile = path.join(runDir, 'install-extension.log');
  fs.writeFileSync(logFile, output);
  if (result.status !== 0 || !/was successfully installed/.test(output)) {
    throw new Error(`code-server --install-extension ${vsix} failed (${result.status ?? result.signal}); see ${logFile}`);
  }
}

function answers(url) {
  return new Promise((resolve) => {
    http
      .get(url, (res) => {
        res.resume();
        resolve(res.statusCode === 200);
      })
      .on('error', () => resolve(false));
  });
}

/**
 * @param {object} o
 * @param {string} o.runDir        fresh scratch folder for this run (deleted first)
 * @param {number} [o.port]        default: a free port
 * @param {string} [o.host]        default 127.0.0.1
 * @param {boolean} [o.installExtension] symlink the repo into the extensions dir (UI tests, demo), or, when the
 *                                 VSIX env variable names a .vsix, install that instead
 * @param {string} [o.vsix]        install this .vsix with `code-server --install-extension` (default: env VSIX
 *                                 when installExtension is set)
 * @param {boolean} [o.smokeTestDriver]  needed for the URL payload that runs a suite in the extension host
 * @param {object} [o.settings]    user settings.json
 * @param {string} [o.folder]      folder to open when the URL names none
 * @param {boolean} [o.workspaceTrust] workspace trust ON, folders untrusted (restricted mode, no prompt);
 *                                 default off (--disable-workspace-trust)
 */
export async function startCodeServer(o) {
  const { runDir, host = '127.0.0.1' } = o;
  const settings = o.workspaceTrust ? { ...(o.settings ?? TEST_SETTINGS), ...UNTRUSTED_SETTINGS } : (o.settings ?? TEST_SETTINGS);
  const port = o.port ?? (await freePort());
  fs.rmSync(runDir, { recursive: true, force: true });
  const extensionsDir = path.join(runDir, 'exts');
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.mkdirSync(path.join(runDir, 'ud', 'User'), { recursive: true });
  fs.writeFileSync(path.join(runDir, 'ud', 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  const env = isolatedEnv(runDir);
  const vsix = o.vsix ?? (o.installExtension ? process.env.VSIX : undefined);
  if (vsix) installVsix(path.resolve(vsix), runDir, extensionsDir, env);
  else if (o.installExtension) installExtensionLink(extensionsDir);
  const args = [
    CODE_SERVER,
    '--bind-addr',
    `${host}:${port}`,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    ...(o.workspaceTrust ? [] : ['--disable-workspace-trust']),
    ...profileArgs(runDir, extensionsDir),
    ...(o.smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    ...(o.folder ? [o.folder] : []),
  ];
  const logFile = path.join(runDir, 'code-server.log');
  const out = fs.openSync(logFile, 'w');
  const child = spawn(CS_NODE, args, { stdio: ['ignore', out, out], env, detached: true });
  fs.closeSync(out);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  let alive = true;
  // If the harness dies first (Ctrl+C, crash), do not leave the detached group running.
  const killOnExit = () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  };
  process.on('exit', killOnExit);
  exited.then(() => {
    alive = false;
    process.off('exit', killOnExit);
  });

  const url = `http://${host}:${port}`;
  const deadline = Date.now() + 60_000;
  while (!(await answers(`${url}/healthz`))) {
    if (!alive) throw new Error(`code-server exited before answering; see ${logFile}`);
    if (Date.now() > deadline) {
      await stopGroup(child.pid, exited);
      throw new Error(`code-server did not answer on ${url}; see ${logFile}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, port, pid: child.pid, env, logFile, exited, stop: () => stopGroup(child.pid, exited) };
}

function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGTERM the whole process group, wait until it is gone, SIGKILL whatever is left after 10 s. */
async function stopGroup(pid, exited) {
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    return;
  }
  let mainExited = false;
  exited.then(() => {
    mainExited = true;
  });
  const deadline = Date.now() + 10_000;
  while ((!mainExited || groupAlive(pid)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (groupAlive(pid)) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      /* gone meanwhile */
    }
  }
  await exited;
}
