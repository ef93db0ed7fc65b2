import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RowIssue } from '../../errors';
import { PipelineError, refuseFile as refuse } from '../../errors';
import { readMessage32, type Message32 } from './release32';
import {
	identifyMessage,
	releaseName,
	schemaFile,
	SUPPORTED,
	USED_MESSAGES,
	validateAgainstSchema,
	type MessageKind,
	type Release,
	type StandardName
} from './standard';

/** A folder of messages of one standard and release, checked and read. */
export type MessageFolder =
	| { release: '2_0'; files: { source: string; xml: string }[] }
	| { release: '3_2'; messages: Message32[]; unused: number; files: number };

/**
 * Reads every `.xml` in a message folder. Refused, with the file (and line where the schema gives
 * one): a file whose root is not a message of the folder's standard, a release Koers does not read,
 * releases mixed in one folder, a release 3.2 message that fails its XSD (the schema's own message),
 * and a message identifier delivered twice. Nothing is skipped silently.
 */
export async function readMessageFolder(options: {
	dir: string;
	file: string;
	standard: StandardName;
}): Promise<MessageFolder> {
	const { dir, file, standard } = options;
	const names = (await readdir(dir)).filter((f) => f.toLowerCase().endsWith('.xml')).sort();
	const label = standard === 'iwmo' ? 'iWmo' : 'iJw';
	if (names.length === 0) refuse(file, `de map bevat geen ${label}-berichten (.xml)`);
	// Only what each file is stays in memory; the text is read again for parsing after validation.
	const read: { source: string; path: string; kind: MessageKind }[] = [];
	for (const name of names) {
		const source = `${file}/${name}`;
		const path = join(dir, name);
		// Small files, read synchronously: one syscall round instead of four awaited ones per message.
		const xml = readFileSync(path, 'utf8');
		const kind = identifyMessage(xml);
		if (!('standard' in kind)) {
			return refuse(
				source,
				kind.namespace
					? `onbekende namespace ${kind.namespace}: Koers leest iWmo 2.0 en 3.2 en iJw 3.2 (http://www.istandaarden.nl/…); vraag de leverancier om een bericht van een van die releases`
					: `geen iStandaarden-bericht: het hoofdelement is geen Bericht met een namespace van istandaarden.nl`
			);
		}
		if (kind.standard !== standard) {
			refuse(
				source,
				`een ${releaseName(kind.standard, kind.release)}-bericht (${kind.message}) in de map ${standard}/: ${kind.standard === 'ijw' ? 'jeugdhulpberichten horen in ijw/' : 'Wmo-berichten horen in iwmo/'}`
			);
		}
		if (!SUPPORTED[standard].includes(kind.release)) {
			refuse(
				source,
				`release ${kind.release.replace('_', '.')} van ${label} wordt niet gelezen: Koers leest ${SUPPORTED[standard].map((r) => releaseName(standard, r)).join(' en ')}`
			);
		}
		read.push({ source, path, kind });
	}
	const releases = [...new Set(read.map((r) => r.kind.release))] as Release[];
	if (releases.length > 1) {
		const first = read.find((r) => r.kind.release !== read[0]!.kind.release)!;
		refuse(
			first.source,
			`de map bevat berichten van ${releases.map((r) => releaseName(standard, r)).join(' en ')} (${read[0]!.source} en dit bestand): lever de berichten van één release aan`
		);
	}
	if (releases[0] === '2_0')
		return {
			release: '2_0',
			files: read.map(({ source, path }) => ({ source, xml: readFileSync(path, 'utf8') }))
		};

	await validate(read);
	const messages: Message32[] = [];
	const seen = new Map<string, string>();
	let unused = 0;
	for (const r of read) {
		if (!USED_MESSAGES.includes(r.kind.number)) {
			unused++;
			continue;
		}
		const m = readMessage32(readFileSync(r.path, 'utf8'), r.source, r.kind.number);
		const id = `${m.afzender}|${m.identificatie}`;
		const earlier = seen.get(id);
		if (earlier)
			refuse(
				r.source,
				`BerichtIdentificatie ${m.identificatie} van afzender ${m.afzender} staat ook in ${earlier}: hetzelfde bericht is twee keer aangeleverd; haal één van beide uit de map`
			);
		seen.set(id, r.source);
		messages.push(m);
	}
	return { release: '3_2', messages, unused, files: read.length };
}

/** Every release 3.2 message against the XSD of its kind; the first problems are listed. */
async function validate(read: { source: string; path: string; kind: MessageKind }[]): Promise<void> {
	const bySchema = new Map<string, typeof read>();
	for (const r of read) {
		const schema = schemaFile(r.kind);
		if (!schema) continue;
		const group = bySchema.get(schema);
		if (group) group.push(r);
		else bySchema.set(schema, [r]);
	}
	const issues: RowIssue[] = [];
	for (const [schema, group] of bySchema) {
		const sourceOf = new Map(group.map((r) => [r.path, r.source]));
		for (const p of await validateAgainstSchema(
			schema,
			group.map((r) => r.path)
		)) {
			issues.push({
				file: sourceOf.get(p.path)!,
				line: p.line,
				column: null,
				columnName: null,
				value: null,
				message: `voldoet niet aan het XSD van ${schema.split('/').at(-1)}: ${p.message}`
			});
		}
	}
	if (issues.length === 0) return;
	issues.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
	const first = issues[0]!;
	throw new PipelineError(
		`${issues.length === 1 ? 'een bericht voldoet' : `${issues.length} meldingen: berichten voldoen`} niet aan hun schema; vraag de leverancier om berichten die het XSD doorstaan, of haal ze uit de map. Eerste: ${first.file}${first.line !== null ? ` regel ${first.line}` : ''}: ${first.message}`,
		issues
	);
}

/** Writes converted rows to an owner-only CSV in an owner-only temp folder; the caller removes it. */
export async function writeConvertedCsv(prefix: string, name: string, lines: string[]): Promise<string> {
	const dir = await mkdtemp(join(tmpdir(), prefix));
	const csvPath = join(dir, name);
	await writeFile(csvPath, lines.join('\r\n') + '\r\n', { mode: 0o600 });
	return csvPath;
}
