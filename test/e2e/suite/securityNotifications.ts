// Records every notification and modal prompt the extension shows (window.show{Error,Warning,Information}
// Message): the extension and this suite share one `vscode` API object, so replacing the functions here is
// what the extension calls. Toasts still appear; prompts can be answered by the test instead of a person.
import * as assert from 'assert';
import * as vscode from 'vscode';

export type Kind = 'error' | 'warning' | 'information';
export interface Shown {
  kind: Kind;
  message: string;
  detail?: string;
  modal: boolean;
  items: string[];
}
/** A prompt's answer (an item title), or undefined for "dismissed". */
export type Answer = (shown: Shown) => string | undefined;

const FUNCTIONS = { error: 'showErrorMessage', warning: 'showWarningMessage', information: 'showInformationMessage' } as const;
type Show = (message: string, ...rest: unknown[]) => Thenable<unknown>;

const titleOf = (item: unknown): string => (typeof item === 'string' ? item : String((item as vscode.MessageItem).title));
const isOptions = (v: unknown): v is vscode.MessageOptions => typeof v === 'object' && v !== null && !('title' in v);

export interface NotificationSpy extends vscode.Disposable {
  shown: Shown[];
}

/**
 * Starts recording. With `answer`, every message is answered by it and not shown; without, non-modal
 * messages are shown as usual and modal ones are dismissed (a modal dialog would wait for a click).
 */
export function spyOnNotifications(answer?: Answer): NotificationSpy {
  const window = vscode.window as unknown as Record<string, Show>;
  const originals = new Map<Kind, Show>();
  const shown: Shown[] = [];
  for (const kind of Object.keys(FUNCTIONS) as Kind[]) {
    const name = FUNCTIONS[kind];
    const original = window[name];
    originals.set(kind, original);
    window[name] = (message: string, ...rest: unknown[]) => {
      const options = isOptions(rest[0]) ? (rest.shift() as vscode.MessageOptions) : undefined;
      const entry: Shown = { kind, message, detail: options?.detail, modal: options?.modal === true, items: rest.map(titleOf) };
      shown.push(entry);
      if (answer) {
        const title = answer(entry);
        return Promise.resolve(rest.find((item) => titleOf(item) === title));
      }
      return entry.modal ? Promise.resolve(undefined) : original.call(vscode.window, message, ...(options ? [options] : []), ...rest);
    };
    assert.notStrictEqual(window[name], original, `vscode.window.${name} can be observed`);
  }
  return {
    shown,
    dispose: () => {
      for (const [kind, original] of originals) window[FUNCTIONS[kind]] = original;
    },
  };
}
