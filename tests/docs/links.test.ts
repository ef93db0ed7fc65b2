import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

/** Folders that hold no docs of ours: dependencies, generated output, data. */
const SKIP = new Set([
	'node_modules',
	'build',
	'.svelte-kit',
	'.git',
	'static',
	'reports',
	'raw',
	'warehouse'
]);

/** Every Markdown file of the repository that we write. */
function markdownFiles(dir = '.'): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const path = join(dir, e.name);
		if (e.isDirectory())
			return SKIP.has(e.name) || e.name.startsWith('.svelte-kit') ? [] : markdownFiles(path);
		return e.name.endsWith('.md') ? [path] : [];
	});
}

/** The relative link targets of a Markdown text (not web addresses, mail or in-page anchors). */
function relativeLinks(text: string): string[] {
	const withoutCode = text.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
	return [...withoutCode.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)]
		.map((m) => m[1]!)
		.filter((t) => !/^([a-z]+:|#)/i.test(t))
		.map((t) => t.split('#')[0]!);
}

const files = markdownFiles();

describe('links in the docs', () => {
	test('there are docs to check, the README among them', () => {
		expect(files).toContain('README.md');
		expect(files).toContain('ARCHITECTURE.md');
	});

	test('a relative link is found, and a missing target would be reported', () => {
		expect(
			relativeLinks('see [the guide](docs/a.md#step) and [web](https://x.nl) and `[no](code.md)`')
		).toEqual(['docs/a.md']);
	});

	test.each(files)('every relative link in %s resolves to a file or folder', (file) => {
		const dead = relativeLinks(readFileSync(file, 'utf8')).filter(
			(target) => !existsSync(resolve(dirname(file), decodeURI(target)))
		);
		expect(dead).toEqual([]);
	});
});
