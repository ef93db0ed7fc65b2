import pMap from 'p-map';
import type { NodeEngine } from '../src/lib/db/node.server';

/** What one connection did with one item: its result, or why it failed. */
type Outcome<T> = { value: T } | { error: unknown };

/** The given connection and `count - 1` more to the same schema, for work side by side. */
export async function connectionsFor(options: {
	engine: NodeEngine;
	schema: string;
	count: number;
}): Promise<NodeEngine[]> {
	const more = Math.max(0, options.count - 1);
	const forks: NodeEngine[] = [];
	for (let i = 0; i < more; i++) forks.push(await options.engine.fork(options.schema));
	return [options.engine, ...forks];
}

/**
 * Runs `task` over `items` on the given connections, at most one task per connection at a time, and
 * returns the results in the items' order. If any task fails, the first failing item's error (in the
 * items' order) is thrown once every task has settled, and no task starts after a failure.
 */
export async function sideBySide<T, R>(
	engines: NodeEngine[],
	items: T[],
	task: (engine: NodeEngine, item: T) => Promise<R>
): Promise<R[]> {
	const free = [...engines];
	let failed = false;
	const outcomes = await pMap(
		items,
		async (item): Promise<Outcome<R> | null> => {
			if (failed) return null;
			const own = free.pop()!;
			try {
				return { value: await task(own, item) };
			} catch (error) {
				failed = true;
				return { error };
			} finally {
				free.push(own);
			}
		},
		{ concurrency: engines.length }
	);
	const failure = outcomes.find((o) => o !== null && 'error' in o);
	if (failure && 'error' in failure) throw failure.error;
	return outcomes.map((o) => (o as { value: R }).value);
}

/**
 * Runs `work` with DuckDB on one thread per statement, and sets the threads back afterwards (nothing to
 * set on an engine that runs on one thread already: changing DuckDB's threads restarts its task
 * scheduler, which is not free).
 */
async function withOneThread<T>(engine: NodeEngine, work: () => Promise<T>): Promise<T> {
	const [{ threads } = { threads: '2' }] = await engine.query<{ threads: string }>(
		"SELECT current_setting('threads') AS threads"
	);
	if (Number(threads) === 1) return work();
	await engine.run('SET threads = 1');
	try {
		return await work();
	} finally {
		await engine.run(`SET threads = ${Number(threads)}`);
	}
}

/**
 * Runs `work` with `count` connections to the main schema (the engine's and `count - 1` more), each
 * statement on one DuckDB thread ({@link withOneThread}), and closes the extra connections afterwards:
 * for whole tables at the end of a run, where each task keeps its table's row order. Work in several
 * steps (publishing plans, then writes) opens its connections once.
 */
export async function withTableConnections<R>(
	engine: NodeEngine,
	count: number,
	work: (engines: NodeEngine[]) => Promise<R>
): Promise<R> {
	return withOneThread(engine, async () => {
		const own = await connectionsFor({ engine, schema: 'main', count });
		try {
			return await work(own);
		} finally {
			for (const extra of own.slice(1)) extra.close();
		}
	});
}

/** Runs `task` over `items` side by side on {@link withTableConnections}' connections (merging, the leak scan). */
export async function tablesSideBySide<T, R>(options: {
	engine: NodeEngine;
	count: number;
	items: T[];
	task: (engine: NodeEngine, item: T) => Promise<R>;
}): Promise<R[]> {
	return withTableConnections(options.engine, options.count, (own) =>
		sideBySide(own, options.items, options.task)
	);
}
