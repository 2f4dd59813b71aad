import { strict as assert } from 'assert';
import { RestartPolicy } from '../../client/src/restartPolicy';

/** A policy on a clock the test moves. */
function policyAt(start = 1_000_000) {
  let now = start;
  const policy = new RestartPolicy(4, 3 * 60_000, () => now);
  return {
    policy,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('restarting a crashed language server', () => {
  it('restarts quietly up to four times within three minutes, then gives up', () => {
    const { policy, advance } = policyAt();
    const decisions = [];
    for (let crash = 0; crash < 5; crash++) {
      decisions.push(policy.onCrash());
      advance(10_000);
    }
    assert.deepEqual(decisions, ['restart', 'restart', 'restart', 'restart', 'give-up']);
  });

  it('keeps restarting a server that crashes now and then', () => {
    const { policy, advance } = policyAt();
    for (let crash = 0; crash < 50; crash++) {
      assert.equal(policy.onCrash(), 'restart', `crash ${crash + 1}`);
      advance(60_000);
    }
  });

  it('forgets crashes older than the window', () => {
    const { policy, advance } = policyAt();
    for (let crash = 0; crash < 4; crash++) policy.onCrash();
    advance(3 * 60_000);
    assert.equal(policy.onCrash(), 'restart');
  });

  it('says once, in words, what stopped and how to get it back', () => {
    const message = new RestartPolicy().giveUpMessage();
    assert.match(message, /stopped 5 times within 3 minutes/);
    assert.match(message, /Reload Window/);
  });
});
