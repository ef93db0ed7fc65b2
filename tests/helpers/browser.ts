import { join } from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from '../../pipelines/chromium';
import { serve } from '../../pipelines/serve';

export { launchChromium } from '../../pipelines/chromium';

/** Serves the built site (`build/`, or another build folder) on a free localhost port. */
export async function serveBuild(options: { dataDir?: string; buildDir?: string } = {}): Promise<{
	url: string;
	close: () => Promise<void>;
}> {
	const dir = options.buildDir ?? 'build';
	if (!existsSync(join(dir, 'index.html')))
		throw new Error('no build: run "npm run data && npm run build" first (npm test does this)');
	const server = await serve({ dir, port: 0, quiet: true, dataDir: options.dataDir });
	const { port } = server.address() as AddressInfo;
	return { url: `http://localhost:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}

/** axe-core's serious and critical WCAG 2.1 A/AA violations on the page, one line each. */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
	const result = await new AxeBuilder({
		page: page as unknown as ConstructorParameters<typeof AxeBuilder>[0]['page']
	})
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	return result.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** A page of the site that records what must not happen: console errors, CSP violations, page errors, requests off the origin. */
export interface RecordedPage {
	page: Page;
	/** console errors, CSP violations, page errors and requests off the site's origin, one line each */
	problems: string[];
	/** requests off the site's origin */
	external: string[];
	/** every request, as "METHOD url" */
	requests: string[];
	close: () => Promise<void>;
}

/**
 * Chromium and the served build for one test file: started before its tests, closed after. `open`
 * gives a fresh nl-NL context (downloads accepted) that records every problem; with a path it goes there.
 */
export function browserSite(): {
	url: () => string;
	open: (options?: { path?: string; javaScriptEnabled?: boolean }) => Promise<RecordedPage>;
} {
	let browser: Browser | undefined;
	let site: Awaited<ReturnType<typeof serveBuild>> | undefined;
	beforeAll(async () => {
		browser = await launchChromium();
		site = await serveBuild();
	});
	afterAll(async () => {
		await browser?.close();
		await site?.close();
	});
	const url = () => site!.url;
	return {
		url,
		open: async (options = {}) => {
			const recorded = await recordedPage({ browser: browser!, origin: url(), ...options });
			if (options.path) await recorded.page.goto(url() + options.path);
			return recorded;
		}
	};
}

/**
 * A fresh nl-NL context (downloads accepted) on `origin` whose page records console errors, CSP
 * violations, page errors and requests off the origin: the one recorder every browser test uses.
 */
export async function recordedPage(options: {
	browser: Browser;
	origin: string;
	javaScriptEnabled?: boolean;
}): Promise<RecordedPage> {
	const context = await options.browser.newContext({
		javaScriptEnabled: options.javaScriptEnabled ?? true,
		locale: 'nl-NL',
		acceptDownloads: true
	});
	const page = await context.newPage();
	const problems: string[] = [];
	const external: string[] = [];
	const requests: string[] = [];
	page.on('console', (m) => {
		if (m.type() === 'error' || /Content Security Policy/.test(m.text()))
			problems.push(`console ${m.type()}: ${m.text()}`);
	});
	page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
	page.on('request', (r) => {
		requests.push(`${r.method()} ${r.url()}`);
		if (r.url().startsWith(options.origin) || /^(data|blob):/.test(r.url())) return;
		external.push(r.url());
		problems.push(`external: ${r.url()}`);
	});
	await page.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (e) =>
			console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`)
		);
	});
	return { page, problems, external, requests, close: () => context.close() };
}

/** Clicks a download button of a "Download …" group and returns the file's suggested name and bytes. */
export async function downloadFile(
	page: Page,
	group: string,
	button: string
): Promise<{ name: string; bytes: Buffer; text: string }> {
	const [file] = await Promise.all([
		page.waitForEvent('download'),
		page
			.getByRole('group', { name: `Download ${group}` })
			.getByRole('button', { name: button })
			.click()
	]);
	const bytes = readFileSync((await file.path())!);
	return { name: file.suggestedFilename(), bytes, text: bytes.toString('utf8').replace(/^\uFEFF/, '') };
}

/**
 * Holds every request of the context matching `pattern` until `release` is called: the view stays in
 * its loading state as long as the test needs (no timing involved).
 */
export async function holdRequests(
	context: BrowserContext,
	pattern: RegExp
): Promise<{ held: () => number; release: () => Promise<void> }> {
	const waiting: Route[] = [];
	let open = false;
	await context.route(pattern, (route) => (open ? route.continue() : void waiting.push(route)));
	return {
		held: () => waiting.length,
		release: async () => {
			open = true;
			await Promise.all(waiting.splice(0).map((r) => r.continue()));
		}
	};
}

/** Holds every Parquet request of the context until `release` is called (see holdRequests). */
export function holdParquet(context: BrowserContext): ReturnType<typeof holdRequests> {
	return holdRequests(context, /\.parquet(\?|$)/);
}
