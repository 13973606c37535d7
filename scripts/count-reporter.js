// Ends a jest run with one plain line, "N passed, N failed", that CI can read.
import process from 'node:process'
export default class CountReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests
    const tail = skipped > 0 ? `, ${skipped} skipped` : ''
    process.stdout.write(
      `${results.numPassedTests} passed, ${results.numFailedTests} failed${tail}\n`
    )
  }
}
