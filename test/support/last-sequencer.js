// Jest runs test files in an order of its own (failures and slow files first). The log scan
// (test/e2e/zz-log-scan.e2e-spec.ts) must see the log of every other file of the run, so files
// named zz-* go last, in name order, and the log scan last of all.
const Sequencer = require('@jest/test-sequencer').default;
const { basename } = require('node:path');

const rank = (path) => {
  const name = basename(path);
  if (name.startsWith('zz-log-scan')) return 2;
  return name.startsWith('zz-') ? 1 : 0;
};

class LastSequencer extends Sequencer {
  async sort(tests) {
    const sorted = await super.sort(tests);
    const indexed = sorted.map((t, i) => ({ t, i }));
    indexed.sort(
      (a, b) =>
        rank(a.t.path) - rank(b.t.path) || (rank(a.t.path) ? a.t.path.localeCompare(b.t.path) : a.i - b.i),
    );
    return indexed.map((x) => x.t);
  }
}

module.exports = LastSequencer;
