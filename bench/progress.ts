/** Progress on stderr: one rewritten line on a terminal, plain lines otherwise (logs, CI). */
export function progress(line: string): void {
  if (process.stderr.isTTY) process.stderr.write(`\r\x1b[K${line}`);
  else process.stderr.write(`${line}\n`);
}

/** Ends a run of rewritten progress lines. */
export function progressDone(): void {
  if (process.stderr.isTTY) process.stderr.write("\n");
}
