import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';

/** A link of a built page that no file of the build answers. */
export interface BrokenLink {
	/** the page or stylesheet, as a path of the build (`rapporten/<gemeente>/programma-12.html`) */
	file: string;
	/** the link as written */
	link: string;
}

/** `href="…"`, `src="…"` and `srcset="…"` attributes; Svelte writes every attribute double-quoted. */
const ATTRIBUTE = /\s(href|src|srcset)="([^"]*)"/g;
/** `url(…)` in CSS, quoted or not (stylesheets, and style elements of a page). */
const CSS_URL = /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)/g;

/** Links that leave the site or stay on the page: not a file of the build (off-origin is the CSP's job). */
const NOT_A_FILE = /^(?:[a-z][a-z0-9+.-]*:|\/\/|#|$)/i;

/**
 * Every same-origin `href`, `src` and `srcset` of every built page, and every `url()` of its CSS,
 * resolved as the server does (`/x` is `x.html`, `x/index.html` or the file `x`; query and fragment
 * ignored), that no file of the build answers. A page is read at its own URL (`a/b.html` at `/a/b`),
 * so relative links resolve as in the browser.
 */
export function checkLinks(options: { buildDir: string }): {
	files: number;
	links: number;
	broken: BrokenLink[];
} {
	const dir = options.buildDir;
	const all = (readdirSync(dir, { recursive: true }) as string[])
		.map((p) => p.replaceAll('\\', '/'))
		.filter((p) => !/\.(gz|br)$/.test(p));
	const checked = all.filter((p) => /\.(html|css)$/.test(p) && statSync(join(dir, p)).isFile()).sort();
	const exists = (path: string) => {
		const file = join(dir, path);
		return (
			(existsSync(file) && statSync(file).isFile()) ||
			existsSync(`${file}.html`) ||
			existsSync(join(file, 'index.html'))
		);
	};
	let links = 0;
	const broken: BrokenLink[] = [];
	for (const file of checked) {
		const text = readFileSync(join(dir, file), 'utf8');
		// A page is served at its path without .html (index.html at its folder); a stylesheet at its own path.
		const url = file.endsWith('.html')
			? `/${file.replace(/(^|\/)index\.html$/, '$1').replace(/\.html$/, '')}`
			: `/${file}`;
		for (const link of linksIn({ text, css: file.endsWith('.css') })) {
			if (NOT_A_FILE.test(link)) continue;
			links++;
			const path = link.split(/[?#]/)[0]!;
			if (!path) continue; // `?x=1` on the page itself
			const target = path.startsWith('/') ? path : posix.resolve(posix.dirname(url), path);
			if (!exists(decodePath(target).replace(/^\//, ''))) broken.push({ file, link });
		}
	}
	return { files: checked.length, links, broken };
}

/** The links of a page (attributes and the CSS of its style elements) or of a stylesheet. */
function linksIn(options: { text: string; css: boolean }): string[] {
	const out: string[] = [];
	const { text } = options;
	if (!options.css)
		for (const m of text.matchAll(ATTRIBUTE)) {
			const value = decodeEntities(m[2]!);
			if (m[1] === 'srcset') out.push(...value.split(',').map((c) => c.trim().split(/\s+/)[0] ?? ''));
			else out.push(value);
		}
	const css = options.css ? [text] : [...text.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
	for (const sheet of css)
		for (const m of sheet.matchAll(CSS_URL)) out.push(decodeEntities(m[1] ?? m[2] ?? m[3] ?? ''));
	return out;
}

/** A URL path as a file path (%20 → space); a malformed escape stays as written (and is not found). */
function decodePath(path: string): string {
	try {
		return decodeURIComponent(path);
	} catch {
		return path;
	}
}

/** The few entities an attribute of ours can hold. */
function decodeEntities(value: string): string {
	return value.replaceAll('&amp;', '&').replaceAll('&quot;', '"').replaceAll('&#39;', "'");
}

/** The Dutch message that fails a build: each broken link with the page it is on, at most `max`. */
export function brokenLinksMessage(options: {
	buildDir: string;
	broken: BrokenLink[];
	max?: number;
}): string {
	const max = options.max ?? 20;
	const lines = options.broken.slice(0, max).map((b) => `  ${b.file}: ${b.link}`);
	const more = options.broken.length > max ? [`  … en nog ${options.broken.length - max}`] : [];
	return [
		`${options.broken.length} ${options.broken.length === 1 ? 'link' : 'links'} in ${options.buildDir} ${options.broken.length === 1 ? 'wijst' : 'wijzen'} naar een bestand dat de build niet schreef (pagina: link):`,
		...lines,
		...more,
		'Herstel de link of zorg dat de build het bestand schrijft; de site is zo niet klaar om te publiceren.'
	].join('\n');
}
