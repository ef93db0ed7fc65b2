/**
 * The data a view shows while newer data loads: nothing stale, nothing half-new.
 *
 * A view (a table with its caption, chart, reference line and downloads) reads everything it shows
 * from one `shown` object. `load` keeps that object on screen while the next one is fetched, with
 * `busy` set so the view can say so (`aria-busy="true"`, and the `busy` class of app.css dims it),
 * and swaps the whole object in one assignment when it is there. A load overtaken by a newer one is
 * dropped, so a slow answer to an old choice never replaces the answer to the new one.
 *
 * Usage, in a `*.svelte.ts` state class or a component:
 * ```ts
 * const result = new Loadable<Result | null>(null);
 * await result.load(() => query(choice), { onError: () => null });
 * // template: <div aria-busy={result.busy} class:busy={result.busy}> … {result.shown?.caption} … </div>
 * ```
 */
export class Loadable<T> {
	/** what the view shows: swapped whole, never changed in place */
	shown: T = $state.raw() as T;
	/** true while a load runs whose result will replace `shown` */
	busy = $state(false);
	/** the Dutch message of the last failed load, or '' */
	error = $state('');
	#ticket = 0;

	constructor(initial: T) {
		this.shown = initial;
	}

	/**
	 * Fetches the next data and shows it when it is there. On an error `onError` gives what to show
	 * instead (e.g. nothing, so no result stands under the error) and its message; without it the
	 * previous data stays. Returns what happened, so the caller can announce it.
	 */
	async load(
		next: () => Promise<T>,
		options: { onError?: (error: unknown) => { shown: T; message: string } } = {}
	): Promise<'shown' | 'failed' | 'overtaken'> {
		const ticket = ++this.#ticket;
		this.busy = true;
		try {
			const value = await next();
			if (ticket !== this.#ticket) return 'overtaken';
			this.shown = value;
			this.error = '';
			return 'shown';
		} catch (error) {
			if (ticket !== this.#ticket) return 'overtaken';
			const handled = options.onError?.(error);
			if (handled) this.shown = handled.shown;
			this.error = handled?.message ?? (error instanceof Error ? error.message : String(error));
			return 'failed';
		} finally {
			if (ticket === this.#ticket) this.busy = false;
		}
	}

	/** Shows `value` now, dropping any load still running (e.g. the reader cleared the choice). */
	set(value: T): void {
		this.#ticket++;
		this.shown = value;
		this.busy = false;
		this.error = '';
	}
}
