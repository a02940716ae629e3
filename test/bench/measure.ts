/** Every bench case book is encrypted, as the app's are. */
export const benchPassphrase = 'bench passphrase for timing only';

/** Small timing helpers for `npm run bench`: percentiles over many runs, printed as a table. */
export interface Timing {
  p50: number;
  p95: number;
  p99: number;
}

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))]!;
}

/** Runs fn `runs` times after a warm-up and returns percentiles in milliseconds. */
export async function measure(runs: number, fn: (run: number) => unknown): Promise<Timing> {
  for (let i = 0; i < Math.min(50, runs); i++) await fn(-1 - i);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await fn(i);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95), p99: percentile(times, 0.99) };
}

export interface Row {
  operation: string;
  app: Timing;
  raw: Timing;
  /** What the app's figure should stay within, as a ratio of raw SQLite's (at p95). */
  budget?: number;
}

const ms = (value: number) => `${value.toFixed(3)} ms`;

export function printTable(rows: Row[]): void {
  const lines = rows.map((row) => {
    const ratio = row.app.p95 / row.raw.p95;
    const verdict =
      row.budget === undefined ? '' : ratio <= row.budget ? `within ${row.budget}x` : `OVER ${row.budget}x`;
    return [
      row.operation,
      ms(row.app.p50),
      ms(row.app.p95),
      ms(row.app.p99),
      ms(row.raw.p50),
      ms(row.raw.p95),
      ms(row.raw.p99),
      `${ratio.toFixed(2)}x`,
      verdict,
    ];
  });
  const header = ['operation', 'app p50', 'app p95', 'app p99', 'raw p50', 'raw p95', 'raw p99', 'p95 ratio', 'budget'];
  const widths = header.map((title, i) => Math.max(title.length, ...lines.map((line) => line[i]!.length)));
  const format = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join('  ');
  console.log(format(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const line of lines) console.log(format(line));
}
