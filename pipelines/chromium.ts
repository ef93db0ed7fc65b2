import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM, hasChromium } from '../src/lib/chromium';

/** Launches headless Chromium; fails with how to install it when it is missing. */
export async function launchChromium(): Promise<Browser> {
	if (!hasChromium()) {
		throw new Error(
			`Chromium not found at ${CHROMIUM}: install it with "apt-get update && apt-get install -y chromium" (or set CHROMIUM_PATH)`
		);
	}
	return chromium.launch({
		executablePath: CHROMIUM,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync'
		]
		// playwright-core gives every launch a fresh, empty user-data dir of its own.
	});
}
