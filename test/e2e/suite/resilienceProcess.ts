// The language server as an operating-system process, seen from the extension host through /proc (Linux):
// no production hook is needed to find it. The server is the child of this extension host whose command
// line runs our dist/server.js.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { EXTENSION_ID } from './helpers';

export interface OsProcess {
  pid: number;
  ppid: number;
  state: string;
  args: string[];
}

function readProcess(pid: number): OsProcess | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // `pid (comm) state ppid …`; comm may contain spaces and parentheses, so parse after the last ')'.
    const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const args = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    return { pid, ppid: Number(ppid), state, args };
  } catch {
    return undefined; // exited while we looked
  }
}

function allProcesses(): OsProcess[] {
  return fs
    .readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readProcess(Number(name)))
    .filter((p): p is OsProcess => p !== undefined);
}

/** Every live (not zombie) descendant of `root`. */
export function descendants(root: number): OsProcess[] {
  const all = allProcesses();
  const found: OsProcess[] = [];
  let frontier = [root];
  while (frontier.length) {
    const children = all.filter((p) => frontier.includes(p.ppid) && p.state !== 'Z');
    found.push(...children);
    frontier = children.map((p) => p.pid);
  }
  return found;
}

export function serverModulePath(): string {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is loaded`);
  return path.join(extension.extensionPath, 'dist', 'server.js');
}

/** Language-server processes started by this extension host. */
export function languageServers(): OsProcess[] {
  const module = serverModulePath();
  return descendants(process.pid).filter((p) => p.args.includes(module));
}

/** Polls /proc (50 ms steps) until `accept` holds for the server list; fails after `ms`. */
export async function serversWhen(accept: (servers: OsProcess[]) => boolean, what: string, ms = 20_000): Promise<OsProcess[]> {
  const deadline = Date.now() + ms;
  for (;;) {
    const servers = languageServers();
    if (accept(servers)) return servers;
    if (Date.now() > deadline) throw new Error(`${what}: not so after ${ms} ms; servers ${JSON.stringify(servers)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function theLanguageServer(): Promise<OsProcess> {
  const [server] = await serversWhen((s) => s.length === 1, 'exactly one language server runs');
  return server;
}

/** Internet (TCP/UDP over IPv4/IPv6) sockets a process holds: its socket fds matched against its net tables. */
export function internetSockets(pid: number): string[] {
  const inodes = new Set<string>();
  for (const fd of fs.readdirSync(`/proc/${pid}/fd`)) {
    try {
      const m = /^socket:\[(\d+)\]$/.exec(fs.readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (m) inodes.add(m[1]);
    } catch {
      /* fd closed meanwhile */
    }
  }
  const held: string[] = [];
  for (const table of ['tcp', 'tcp6', 'udp', 'udp6', 'raw', 'raw6']) {
    const lines = fs.readFileSync(`/proc/${pid}/net/${table}`, 'utf8').trim().split('\n').slice(1);
    for (const line of lines) {
      const cols = line.trim().split(/\s+/);
      if (inodes.has(cols[9])) held.push(`${table} ${cols[1]} -> ${cols[2]}`);
    }
  }
  return held;
}
