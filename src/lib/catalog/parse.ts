import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { catalogFileSchema, toCatalog, type Catalog } from './schema';

/** A catalogue that failed validation; the message names file, line, streefdoel and field. */
export class CatalogError extends Error {
	override name = 'CatalogError';
	constructor(
		message: string,
		readonly file: string,
		readonly problems: string[]
	) {
		super(message);
	}
}

/** Parses and validates a catalogue YAML text; `file` is used in error messages only. */
export function parseCatalog(options: { text: string; file: string }): Catalog {
	const { text, file } = options;
	const lineCounter = new LineCounter();
	const doc = parseDocument(text, { lineCounter, prettyErrors: false });
	if (doc.errors.length > 0) {
		const problems = doc.errors.map((e) => {
			const pos = e.linePos?.[0];
			return `${file}${pos ? ` regel ${pos.line}, kolom ${pos.col}` : ''}: ongeldige YAML: ${e.message.split('\n')[0]}`;
		});
		throw new CatalogError(problems.join('\n'), file, problems);
	}
	const parsed = catalogFileSchema.safeParse(doc.toJS());
	if (parsed.success) return toCatalog(parsed.data);

	const raw = doc.toJS() as { doelen?: { streefdoelen?: { id?: unknown }[] }[] };
	const problems = parsed.error.issues.map((issue) => {
		const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
		const node = nodeAt(doc.contents, path);
		const line = node?.range ? lineCounter.linePos(node.range[0]).line : undefined;
		let where = '';
		let field = path.join('.');
		if (
			path[0] === 'doelen' &&
			path[2] === 'streefdoelen' &&
			typeof path[1] === 'number' &&
			typeof path[3] === 'number'
		) {
			const id = raw.doelen?.[path[1]]?.streefdoelen?.[path[3]]?.id;
			where = ` streefdoel "${typeof id === 'string' ? id : `nr. ${path[3] + 1}`}",`;
			field = path.slice(4).join('.') || '(het hele streefdoel)';
		}
		return `${file}${line ? ` regel ${line}` : ''}:${where} veld ${field}: ${issue.message}`;
	});
	throw new CatalogError(
		`De streefdoelencatalogus is ongeldig:\n${problems.map((p) => `  - ${p}`).join('\n')}\nPas het bestand aan en draai de pipeline opnieuw.`,
		file,
		problems
	);
}

/** The YAML node at a path (or the deepest node on it), for line numbers in messages. */
export function nodeAt(node: unknown, path: (string | number)[]): Node | undefined {
	let current = node as Node | undefined;
	for (const key of path) {
		if (isMap(current)) {
			const pair = current.items.find((p) => (p.key as { value?: unknown } | null)?.value === key);
			if (!pair) return current;
			current = pair.value as Node;
		} else if (isSeq(current) && typeof key === 'number') {
			const item = current.items[key];
			if (!item) return current;
			current = item as Node;
		} else {
			return current;
		}
	}
	return current;
}
