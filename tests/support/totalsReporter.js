// Prints the totals over every suite as one plain line, `N passed, N failed, N skipped`, which CI
// reads. A suite that failed to run (e.g. a syntax error) counts as a failure.
class TotalsReporter {
    onRunComplete(_contexts, results) {
        const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
        process.stdout.write(
            `\n${results.numPassedTests} passed, ${failed} failed, ${results.numPendingTests + results.numTodoTests} skipped\n`,
        );
    }
}

module.exports = TotalsReporter;
