// @ts-check
/**
 * A jest reporter (issue 29): at the end of the run, the ten slowest test files with their wall seconds,
 * so that a suite that starts to dominate the test task is seen in every build log. Plain CommonJS: jest
 * loads reporters with `require`, before any transform.
 */
class SlowestSuitesReporter {
  /**
   * @param {unknown} _globalConfig
   * @param {{ count?: number }} [options]
   */
  constructor(_globalConfig, options = {}) {
    this.count = options.count ?? 10;
  }

  /**
   * @param {unknown} _contexts
   * @param {{ testResults: Array<{ testFilePath: string; perfStats: { start: number; end: number }; numPassingTests: number; numFailingTests: number }>; startTime: number }} results
   */
  onRunComplete(_contexts, results) {
    const root = process.cwd() + '/';
    const rows = results.testResults
      .map(r => ({ file: r.testFilePath.startsWith(root) ? r.testFilePath.slice(root.length) : r.testFilePath, seconds: (r.perfStats.end - r.perfStats.start) / 1000, tests: r.numPassingTests + r.numFailingTests }))
      .sort((a, b) => b.seconds - a.seconds);
    const total = rows.reduce((s, r) => s + r.seconds, 0);
    const wall = (Date.now() - results.startTime) / 1000;
    const lines = [`\nThe ${Math.min(this.count, rows.length)} slowest test files (of ${rows.length}; ${total.toFixed(1)} s in files, ${wall.toFixed(1)} s wall):`];
    for (const r of rows.slice(0, this.count)) lines.push(`  ${r.seconds.toFixed(1).padStart(6)} s  ${String(r.tests).padStart(4)} tests  ${r.file}`);
    process.stdout.write(lines.join('\n') + '\n');
  }
}

module.exports = SlowestSuitesReporter;
