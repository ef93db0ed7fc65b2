/** Statistics, number formats, temp folders and in-page timing shared by the parts of `npm run bench`. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Runs per measurement (medians of these). */
export const RUNS = Number(process.env.BENCH_RUNS ?? 5);
export const spread = (xs: number[]) => `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}`;
export const nl = (x: number, d = 0) =>
	x.toLocaleString('nl-NL', { minimumFractionDigits: d, maximumFractionDigits: d });
export const mib = (kib: number) => `${nl(kib / 1024)} MiB`;
export const tmp = (prefix: string) => mkdtempSync(join(tmpdir(), `koers-bench-${prefix}-`));

export const median = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	const m = s.length >> 1;
	return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

export const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.ceil(0.95 * xs.length) - 1]!;

/**
 * In-page code (a string: tsx's helpers do not exist in the page) that applies each step of a
 * sequence and times it until the page's mark, then the next frame: the frame that paints the update.
 * performance.mark is wrapped, so the mark is seen the moment it is made, not at the next poll.
 */
export function timedSteps(options: { mark: string; step: string }): string {
	return `(async (sequence) => {
		const mark = ${JSON.stringify(options.mark)};
		let seen = null;
		const original = performance.mark.bind(performance);
		performance.mark = (name, ...rest) => {
			const entry = original(name, ...rest);
			if (name === mark && seen) seen();
			return entry;
		};
		const out = [];
		for (const value of sequence) {
			const marked = new Promise((done) => (seen = done));
			const t0 = performance.now();
			${options.step}
			await marked;
			seen = null;
			await new Promise((done) => requestAnimationFrame(() => done(null)));
			out.push(performance.now() - t0);
		}
		performance.mark = original;
		return out;
	})`;
}

/** In-page code for a step that sets a select to `value` and lets the page handle the change, as a reader's choice does. */
export function selectStep(selector: string): string {
	return `const select = document.querySelector(${JSON.stringify(selector)}); select.value = value; select.dispatchEvent(new Event('change', { bubbles: true }));`;
}
