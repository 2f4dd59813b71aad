# shellcheck shell=bash
# mocha_counts LOG: prints "PASSED FAILED" from a mocha spec-reporter log. A log without a summary
# (mocha crashed before reporting) counts as one failure.
mocha_counts() {
  local passed failed
  passed=$(sed -nE 's/^ *([0-9]+) passing.*/\1/p' "$1" | tail -1)
  failed=$(sed -nE 's/^ *([0-9]+) failing.*/\1/p' "$1" | tail -1)
  if [ -z "$passed" ] && [ -z "$failed" ]; then echo "0 1"; return; fi
  echo "${passed:-0} ${failed:-0}"
}
