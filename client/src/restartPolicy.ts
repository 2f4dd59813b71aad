/**
 * What to do when the language server's connection closes unexpectedly (the process crashed or was killed):
 * restart it quietly, unless it already had `maxRestarts` restarts within `windowMs`. Then it stays stopped
 * and the user is told once, instead of watching a crash loop.
 */
export class RestartPolicy {
  private crashes: number[] = [];

  constructor(
    readonly maxRestarts = 4,
    readonly windowMs = 3 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  onCrash(): 'restart' | 'give-up' {
    const at = this.now();
    this.crashes = [...this.crashes.filter((t) => at - t < this.windowMs), at];
    return this.crashes.length <= this.maxRestarts ? 'restart' : 'give-up';
  }

  giveUpMessage(): string {
    return (
      `The kops Spec language server stopped ${this.maxRestarts + 1} times within ${this.windowMs / 60_000} minutes and ` +
      'was not restarted: diagnostics, completion and hover are off until the window is reloaded ' +
      '(Developer: Reload Window). The kops Spec output channel has the details.'
    );
  }
}
