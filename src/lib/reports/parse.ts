import { parse as parseYaml } from 'yaml';

/** A report that cannot be read; the message names the file and line and says what to do. */
export class ReportError extends Error {
	override name = 'ReportError';
}

/** The directives a report can use, with the parameters each needs. */
const DIRECTIVES = {
	streefdoelen: { required: ['doel'], about: 'alle streefdoelen van een doel uit de catalogus' },
	streefdoel: { required: ['id'], about: 'één streefdoel (of BBV-indicator) met status en grafiek' },
	activiteiten: { required: ['doel'], about: 'de activiteiten bij de streefdoelen van een doel' },
	'baten-lasten': { required: ['jaar'], about: 'het overzicht baten en lasten (doel= of programma=)' },
	kredieten: { required: ['doel', 'jaar'], about: 'het overzicht kredieten van een doel' },
	bestedingsvoorstellen: { required: ['doel', 'jaar'], about: 'de bestedingsvoorstellen van een doel' },
	leeswijzer: { required: [], about: 'uitleg van statussen, onderdrukte en voorlopige cijfers' }
} as const;
/** A directive's name. */
type DirectiveName = keyof typeof DIRECTIVES;

/** One block of a report's body. Inline text keeps **bold** and *italic* markers for the renderer. */
export type ReportBlock =
	| { kind: 'heading'; level: 1 | 2 | 3; text: string; line: number }
	| { kind: 'paragraph'; text: string; line: number }
	| { kind: 'list'; items: string[]; line: number }
	| { kind: 'directive'; name: DirectiveName; params: Record<string, string>; line: number };

/** A parsed report: its settings from the front matter and its blocks. */
export interface ReportSource {
	file: string;
	name: string;
	title: string;
	gemeente: string;
	/** the catalogue's begrotingsjaar; directives about streefdoelen look there */
	budgetYear: number;
	programme: string;
	/** a jaarverslag variant per year is offered when true */
	annual: boolean;
	blocks: ReportBlock[];
}

/**
 * Parses a report text: YAML front matter between `---` lines (titel, gemeente, begrotingsjaar,
 * programma, jaarverslag), then Markdown-like prose (#, ##, ### headings; paragraphs; lists with - or
 * •) and directives on a line of their own: `::streefdoel id=mo-participatie`, `::baten-lasten
 * doel=2.1.1 jaar=2023`. Values with spaces go in double quotes.
 */
export function parseReport(options: { text: string; file: string; name: string }): ReportSource {
	const { file } = options;
	const lines = options.text.replace(/^\uFEFF/, '').split(/\r?\n/);
	if (lines[0]?.trim() !== '---')
		throw new ReportError(
			`${file} regel 1: het rapport begint met --- en de instellingen (titel, gemeente, begrotingsjaar, programma)`
		);
	const end = lines.indexOf('---', 1);
	if (end < 0) throw new ReportError(`${file}: de instellingen bovenaan worden niet afgesloten met ---`);
	const meta = (parseYaml(lines.slice(1, end).join('\n')) ?? {}) as Record<string, unknown>;
	for (const key of ['titel', 'gemeente', 'begrotingsjaar', 'programma']) {
		if (meta[key] === undefined || meta[key] === null || meta[key] === '')
			throw new ReportError(`${file}: instelling "${key}" ontbreekt bovenaan het rapport`);
	}
	const blocks: ReportBlock[] = [];
	let paragraph: { text: string[]; line: number } | null = null;
	let list: { items: string[]; line: number } | null = null;
	const flush = () => {
		if (paragraph) blocks.push({ kind: 'paragraph', text: paragraph.text.join(' '), line: paragraph.line });
		if (list) blocks.push({ kind: 'list', items: list.items, line: list.line });
		paragraph = null;
		list = null;
	};
	for (let i = end + 1; i < lines.length; i++) {
		const line = lines[i]!.trim();
		const number = i + 1;
		if (line === '') {
			flush();
			continue;
		}
		if (line.startsWith('::')) {
			flush();
			blocks.push(parseDirective({ line, file, number }));
			continue;
		}
		const heading = /^(#{1,3})\s+(.+)$/.exec(line);
		if (heading) {
			flush();
			blocks.push({
				kind: 'heading',
				level: heading[1]!.length as 1 | 2 | 3,
				text: heading[2]!,
				line: number
			});
			continue;
		}
		const item = /^[-•*]\s+(.+)$/.exec(line);
		if (item) {
			if (paragraph) flush();
			list ??= { items: [], line: number };
			list.items.push(item[1]!);
			continue;
		}
		if (list) flush();
		paragraph ??= { text: [], line: number };
		paragraph.text.push(line);
	}
	flush();
	return {
		file,
		name: options.name,
		title: String(meta['titel']),
		gemeente: String(meta['gemeente']),
		budgetYear: Number(meta['begrotingsjaar']),
		programme: String(meta['programma']),
		annual: meta['jaarverslag'] === true,
		blocks
	};
}

function parseDirective(options: { line: string; file: string; number: number }): ReportBlock {
	const { line, file, number } = options;
	const match = /^::([a-z-]+)\s*(.*)$/.exec(line);
	const name = match?.[1];
	if (!name || !(name in DIRECTIVES)) {
		throw new ReportError(
			`${file} regel ${number}: onbekende verwijzing "${line}": kies uit ${Object.keys(DIRECTIVES)
				.map((d) => `::${d}`)
				.join(', ')}`
		);
	}
	const params: Record<string, string> = {};
	const re = /([a-z_]+)=(?:"([^"]*)"|(\S+))/g;
	for (let m = re.exec(match[2] ?? ''); m; m = re.exec(match[2] ?? '')) params[m[1]!] = m[2] ?? m[3]!;
	const spec = DIRECTIVES[name as DirectiveName];
	for (const key of spec.required) {
		if (!params[key])
			throw new ReportError(`${file} regel ${number}: ::${name} mist ${key}= (${spec.about})`);
	}
	return { kind: 'directive', name: name as DirectiveName, params, line: number };
}
