import { describe, expect, test } from 'vitest';
import { Loadable } from '../../src/lib/state/loadable.svelte';

/** A promise the test settles by hand, to hold a load in its busy state. */
function deferred<T>() {
	let resolve!: (v: T) => void;
	let reject!: (e: unknown) => void;
	const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
	return { promise, resolve, reject };
}

describe('Loadable: the old data stays, busy, until the new data replaces it whole', () => {
	test('while loading the previous value is shown and busy is set; then swapped at once', async () => {
		const view = new Loadable({ caption: 'Per wijk, 2023', rows: [1, 2] });
		const next = deferred<{ caption: string; rows: number[] }>();
		const done = view.load(() => next.promise);
		expect(view.busy).toBe(true);
		expect(view.shown).toEqual({ caption: 'Per wijk, 2023', rows: [1, 2] });
		next.resolve({ caption: 'Per buurt, 2024', rows: [3] });
		expect(await done).toBe('shown');
		expect(view.busy).toBe(false);
		expect(view.shown).toEqual({ caption: 'Per buurt, 2024', rows: [3] });
	});

	test('a slow answer to an older choice never replaces the newer one', async () => {
		const view = new Loadable('begin');
		const slow = deferred<string>();
		const first = view.load(() => slow.promise);
		const second = view.load(async () => 'nieuw');
		expect(await second).toBe('shown');
		slow.resolve('oud');
		expect(await first).toBe('overtaken');
		expect(view.shown).toBe('nieuw');
		expect(view.busy).toBe(false);
	});

	test('an error shows what onError gives, with its message; without onError the old value stays', async () => {
		const view = new Loadable<string | null>('resultaat');
		expect(await view.load(() => Promise.reject(new Error('kapot')))).toBe('failed');
		expect([view.shown, view.error, view.busy]).toEqual(['resultaat', 'kapot', false]);
		const outcome = await view.load(() => Promise.reject(new Error('kapot')), {
			onError: () => ({ shown: null, message: 'De query is mislukt.' })
		});
		expect([outcome, view.shown, view.error]).toEqual(['failed', null, 'De query is mislukt.']);
	});

	test('set shows a value now and drops a load still running', async () => {
		const view = new Loadable<string | null>('wijk');
		const slow = deferred<string>();
		const load = view.load(() => slow.promise);
		view.set(null);
		slow.resolve('buurt');
		expect(await load).toBe('overtaken');
		expect([view.shown, view.busy]).toEqual([null, false]);
	});
});
