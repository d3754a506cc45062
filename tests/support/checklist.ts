// The small runner the browser and client checks share: named checks that print ok/FAIL, an
// assert, and the closing "N passed, N failed" line CI reads.
export function checklist() {
  let passed = 0;
  let failed = 0;
  return {
    async check(name: string, fn: () => Promise<void>): Promise<void> {
      try {
        await fn();
        passed++;
        console.log(`ok   ${name}`);
      } catch (err) {
        failed++;
        console.log(`FAIL ${name}: ${(err as Error).message}`);
      }
    },
    /** Print the summary and set the exit code. */
    finish(): void {
      console.log(`${passed} passed, ${failed} failed`);
      process.exitCode = failed ? 1 : 0;
    },
  };
}

export function assert(cond: unknown, msg: string): asserts cond {
  if (!cond) throw new Error(msg);
}
