// Runs client/src/commands/secretTerminal.ts outside VS Code: the few `vscode` API pieces it uses
// (EventEmitter, window.createTerminal with a Pseudoterminal) are provided here, and the pseudoterminal is
// opened as VS Code would open it. The child process it starts is real.
import Module from 'module';
import type * as SecretTerminal from '../../client/src/commands/secretTerminal';
import type { SecretRun } from '../../client/src/commands/secretTerminal';

type Listener<T> = (value: T) => void;

class Emitter<T> {
  private listeners: Array<Listener<T>> = [];
  readonly event = (listener: Listener<T>) => {
    this.listeners.push(listener);
    return {
      dispose: () => {
        this.listeners = this.listeners.filter((l) => l !== listener);
      },
    };
  };
  fire(value: T): void {
    for (const listener of [...this.listeners]) listener(value);
  }
  dispose(): void {
    this.listeners = [];
  }
}

interface Pty {
  onDidWrite: (l: Listener<string>) => unknown;
  onDidClose?: (l: Listener<number | void>) => unknown;
  open(dimensions: unknown): void;
  handleInput?(data: string): void;
}

let opened: ((terminal: { name: string; pty: Pty }) => void) | undefined;

const fakeVscode = {
  EventEmitter: Emitter,
  window: {
    createTerminal(options: { name: string; pty: Pty }) {
      opened?.(options);
      return { name: options.name, show: () => undefined, dispose: () => undefined };
    },
  },
};

function loadWithFakeVscode(): typeof SecretTerminal {
  const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const load = loader._load;
  loader._load = function (request: string, ...rest: unknown[]) {
    return request === 'vscode' ? fakeVscode : load.call(this, request, ...rest);
  };
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('../../client/src/commands/secretTerminal');
  } finally {
    loader._load = load;
  }
}

const secretTerminal = loadWithFakeVscode();

/**
 * Runs `run` through runWithSecretOnStdin and returns everything the terminal displayed once the run has
 * finished (the "Press any key" line), and the terminal's name.
 */
export function runInTerminalStub(run: SecretRun, ms = 15_000): Promise<{ shown: string; terminalName: string }> {
  return new Promise((resolve, reject) => {
    let shown = '';
    const timer = setTimeout(() => reject(new Error(`the run did not finish in ${ms} ms; shown: ${JSON.stringify(shown)}`)), ms);
    opened = ({ name, pty }) => {
      pty.onDidWrite((text) => {
        shown += text;
        if (shown.includes('Press any key')) {
          clearTimeout(timer);
          pty.handleInput?.('q');
          resolve({ shown, terminalName: name });
        }
      });
      pty.open(undefined);
    };
    try {
      secretTerminal.runWithSecretOnStdin(run);
    } finally {
      opened = undefined;
    }
  });
}
