/**
 * Work an editor waits for (an open document's diagnostics) against background work (indexing the workspace):
 * background work awaits `idle()` before each step, so it never holds up what a user is looking at.
 */
export class Foreground {
  private running = 0;
  private waiting: Array<() => void> = [];

  /** Runs `work` as foreground work. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    this.running++;
    try {
      return await work();
    } finally {
      if (--this.running === 0) this.release();
    }
  }

  /** Resolves at once when no foreground work runs, else when the last of it ends. */
  idle(): Promise<void> {
    return this.running === 0 ? Promise.resolve() : new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const resolve of waiting) resolve();
  }
}
