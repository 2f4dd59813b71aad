import { spawn, type ChildProcess } from 'child_process';
import * as vscode from 'vscode';
import { terminalText } from './ciliumKey';

export interface SecretRun {
  /** Terminal tab title. */
  title: string;
  command: string;
  args: string[];
  /** Written to the process's standard input and never shown. */
  stdin: string;
  cwd?: string;
  /** Shown after a successful run, e.g. the update and rolling-update commands after a rotation. */
  followUp?: string[];
}

const RED = '\x1b[31m';
const DIM = '\x1b[2m';
const RESET = '\x1b[0m';

/**
 * Runs a command in a VS Code terminal with a secret fed on standard input. The terminal shows the command
 * line (which never contains the secret) and the command's own output; the secret is only ever written to
 * the child's stdin pipe.
 */
export function runWithSecretOnStdin(run: SecretRun): vscode.Terminal {
  const write = new vscode.EventEmitter<string>();
  const close = new vscode.EventEmitter<number | void>();
  let child: ChildProcess | undefined;
  let finished = false;
  const print = (text: string) => write.fire(terminalText(text));
  const finish = (message: string) => {
    finished = true;
    print(`${message}\n${DIM}Press any key to close this terminal.${RESET}\n`);
  };

  const pty: vscode.Pseudoterminal = {
    onDidWrite: write.event,
    onDidClose: close.event,
    open: () => {
      print(`$ ${[run.command, ...run.args].join(' ')}   ${DIM}(key on standard input)${RESET}\n`);
      try {
        child = spawn(run.command, run.args, { cwd: run.cwd, env: process.env, stdio: ['pipe', 'pipe', 'pipe'] });
      } catch (e) {
        finish(`${RED}Could not start ${run.command}: ${(e as Error).message}${RESET}`);
        return;
      }
      child.stdout?.on('data', (d: Buffer) => print(d.toString()));
      child.stderr?.on('data', (d: Buffer) => print(d.toString()));
      child.on('error', (e: NodeJS.ErrnoException) => {
        if (finished) return;
        finish(
          `${RED}${e.code === 'ENOENT' ? `${run.command} was not found on PATH.` : `Could not run ${run.command}: ${e.message}`}${RESET}`,
        );
      });
      child.on('close', (code) => {
        if (finished) return;
        const followUp =
          code === 0 && run.followUp?.length ? `\nNext, roll the new key out:\n${run.followUp.map((c) => `  ${c}`).join('\n')}\n` : '';
        finish(code === 0 ? `Done.${followUp}` : `${RED}${run.command} exited with code ${code}.${RESET}`);
      });
      child.stdin?.on('error', () => undefined);
      child.stdin?.end(`${run.stdin}\n`);
    },
    close: () => {
      if (!finished) child?.kill();
    },
    handleInput: (data: string) => {
      if (finished) close.fire(0);
      else if (data === '\x03') child?.kill('SIGINT');
    },
  };
  const terminal = vscode.window.createTerminal({ name: run.title, pty });
  terminal.show();
  return terminal;
}
