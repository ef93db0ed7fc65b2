import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The response headers of the published site, in one place: the preview server sends them and
 * `deploy/koers.conf` (nginx) sends the same (a test compares them on real requests).
 */

/** The file `npm run build` writes: every HTML page's own Content-Security-Policy, as an nginx map. */
export const CSP_MAP = 'csp-nginx.map';

/** What only a header can carry, appended to each page's policy: no framing by other sites. */
const HEADER_ONLY_CSP = "frame-ancestors 'none'";

/** Headers every response carries. */
export const SECURITY_HEADERS: Record<string, string> = {
	'X-Content-Type-Options': 'nosniff',
	'Referrer-Policy': 'strict-origin-when-cross-origin'
};

/** Content-hashed files (SvelteKit's immutable assets, the release's Parquet) never change under their name. */
export function cacheControl(urlPath: string): string {
	return urlPath.startsWith('/_app/immutable/') || urlPath.endsWith('.parquet')
		? 'public, max-age=31536000, immutable'
		: 'no-cache';
}

/** Types the preview server and nginx send for the two files browsers are strict about. */
export const TYPES: Record<string, string> = {
	'.wasm': 'application/wasm',
	'.parquet': 'application/vnd.apache.parquet'
};

/** The policy of every page, by the page's file path in the build (`/index.html`, `/overzicht.html`). */
export function readCspMap(buildDir: string): Map<string, string> {
	const path = join(buildDir, CSP_MAP);
	const map = new Map<string, string>();
	if (!existsSync(path)) return map;
	for (const line of readFileSync(path, 'utf8').split('\n')) {
		const m = /^"([^"]+)"\s+"([^"]*)";$/.exec(line.trim());
		if (m) map.set(m[1]!, m[2]!);
	}
	return map;
}

/** A page's meta Content-Security-Policy, from its HTML; null when it has none. */
export function pagePolicy(html: string): string | null {
	const m = /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(html);
	return m
		? m[1]!
				.replace(/&#39;|&apos;/g, "'")
				.replace(/&quot;/g, '"')
				.replace(/&amp;/g, '&')
		: null;
}

/** The header policy of a page: its own policy plus what only a header can carry. */
export function headerPolicy(pagePolicyText: string): string {
	return `${pagePolicyText.replace(/;\s*$/, '')}; ${HEADER_ONLY_CSP}`;
}
