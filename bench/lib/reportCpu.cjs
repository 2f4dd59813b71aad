// Preloaded (`node -r`) into the timed CLI process: prints its own CPU time (user + system, whole process
// life) to stderr on exit, a figure that a busy machine does not inflate the way it inflates wall time.
'use strict';
process.on('exit', () => {
  const { user, system } = process.cpuUsage();
  require('fs').writeSync(2, `\nBENCH_CPU_US ${user + system}\n`);
});
