import type { Page } from 'playwright-core';

/** What one page breaks at one width, per WCAG check: one line per finding. */
export interface PageAudit {
	/** 1.4.10: the document wider than the viewport, and what sticks out outside a scroll region */
	reflow: string[];
	/** 1.4.4: chart text rendered below 12 CSS px */
	chartText: string[];
	/** 1.4.11 / 2.4.7: a focused control without a ring of 3:1 against the background behind it */
	focus: string[];
	/** 1.4.11: chart marks and map classes below 3:1 against the chart, without an outline or pattern that is */
	marks: string[];
	/** 1.3.1 / 2.4.6: more or fewer than one h1, or a heading that skips a level */
	headings: string[];
	/** 2.1.1 / 4.1.2: a region that scrolls sideways but is not focusable, or not labelled */
	scrollRegions: string[];
	/** 2.5.8 (WCAG 2.2): a control outside running text smaller than 24 × 24 px without 24 px of room */
	targets: string[];
}

/**
 * Runs every measured check of the page as a reader's browser renders it. Everything is computed in
 * the page (colours from computed styles, sizes from layout), so what is checked is what is shown.
 */
export function auditPage(page: Page): Promise<PageAudit> {
	return page.evaluate(() => {
		const describe = (el: Element): string => {
			const id = el.id ? `#${el.id}` : '';
			const cls =
				typeof el.className === 'string' && el.className
					? `.${el.className.trim().split(/\s+/).join('.')}`
					: '';
			const text = (el.getAttribute('aria-label') ?? el.textContent ?? '')
				.trim()
				.replace(/\s+/g, ' ')
				.slice(0, 40);
			return `${el.tagName.toLowerCase()}${id}${cls}${text ? ` "${text}"` : ''}`;
		};
		const parse = (color: string): [number, number, number, number] | null => {
			const m = color.match(/rgba?\(([^)]+)\)/);
			if (!m) return null;
			const parts = m[1]!
				.split(/[\s,/]+/)
				.filter(Boolean)
				.map(Number);
			return [parts[0]!, parts[1]!, parts[2]!, parts[3] ?? 1];
		};
		const over = (
			c: [number, number, number, number],
			bg: [number, number, number]
		): [number, number, number] =>
			[0, 1, 2].map((i) => c[i]! * c[3] + bg[i]! * (1 - c[3])) as [number, number, number];
		const luminance = (rgb: [number, number, number]) => {
			const [r, g, b] = rgb.map((v) => {
				const s = v / 255;
				return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
			}) as [number, number, number];
			return 0.2126 * r + 0.7152 * g + 0.0722 * b;
		};
		const contrast = (a: [number, number, number], b: [number, number, number]) => {
			const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
			return (hi + 0.05) / (lo + 0.05);
		};
		/** The opaque colour behind an element: its ancestors' backgrounds composited, from white. */
		const backgroundOf = (start: Element | null): [number, number, number] => {
			const layers: [number, number, number, number][] = [];
			for (let el = start; el; el = el.parentElement) {
				const c = parse(getComputedStyle(el).backgroundColor);
				if (c && c[3] > 0) {
					layers.push(c);
					if (c[3] >= 1) break;
				}
			}
			let rgb: [number, number, number] = [255, 255, 255];
			for (const layer of layers.reverse()) rgb = over(layer, rgb);
			return rgb;
		};
		const visible = (el: Element) => {
			const r = el.getBoundingClientRect();
			const s = getComputedStyle(el);
			return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none';
		};
		const inScrollRegion = (el: Element) => el.closest('.scroll-region') !== null;
		const fmt = (n: number) => n.toFixed(2);

		// 1.4.10 Reflow
		const reflow: string[] = [];
		const viewport = document.documentElement.clientWidth;
		if (document.documentElement.scrollWidth > viewport)
			reflow.push(`document ${document.documentElement.scrollWidth} px wide in a ${viewport} px viewport`);
		for (const el of Array.from(document.body.querySelectorAll('*'))) {
			if (inScrollRegion(el) || !visible(el)) continue;
			const r = el.getBoundingClientRect();
			// Visually hidden helpers (the skip link, SvelteKit's announcer) sit off-screen on purpose.
			if (r.width <= 1 || r.right <= 0) continue;
			if (r.right > viewport + 1) reflow.push(`${describe(el)} ends at ${Math.round(r.right)} px`);
		}

		// 1.4.4 Chart text
		const chartText: string[] = [];
		for (const text of Array.from(document.querySelectorAll<SVGTextElement>('svg.koers-plot text'))) {
			if (!text.textContent?.trim() || !visible(text)) continue;
			const ctm = text.getScreenCTM();
			if (!ctm) continue;
			const size = parseFloat(getComputedStyle(text).fontSize) * Math.hypot(ctm.a, ctm.b);
			if (size < 12 - 0.01) chartText.push(`"${text.textContent.trim().slice(0, 30)}" ${fmt(size)} px`);
		}

		// 1.4.11 Chart marks and map classes, against the chart's own background
		const marks: string[] = [];
		for (const svg of Array.from(document.querySelectorAll<SVGSVGElement>('svg.koers-plot'))) {
			if (!visible(svg)) continue;
			const bg = backgroundOf(svg);
			const shapes = svg.querySelectorAll('path, rect, circle, ellipse, line, polyline, polygon');
			for (const shape of Array.from(shapes)) {
				// Grid lines and axis ticks are reading aids, not marks that carry a value.
				if (shape.closest('[aria-label*="grid"], [aria-label*="tick"], defs, pattern')) continue;
				const s = getComputedStyle(shape);
				const opacity = Number(s.opacity);
				const paint = (value: string, alpha: string) => {
					if (value.startsWith('url(')) return Infinity; // a pattern: never a plain light fill
					const c = parse(value);
					if (!c || c[3] === 0) return null;
					return contrast(over([c[0], c[1], c[2], c[3] * Number(alpha) * opacity], bg), bg);
				};
				const fill = paint(s.fill, s.fillOpacity);
				const stroke = parseFloat(s.strokeWidth) > 0 ? paint(s.stroke, s.strokeOpacity) : null;
				const best = Math.max(fill ?? 0, stroke ?? 0);
				if ((fill !== null || stroke !== null) && best < 3) {
					const owner = shape.closest('[aria-label]')?.getAttribute('aria-label') ?? '';
					marks.push(
						`${shape.tagName} in ${owner || 'chart'} (fill ${s.fill}, stroke ${s.stroke}): ${fmt(best)}:1`
					);
				}
			}
		}

		// Headings: one h1, no skipped level
		const headings: string[] = [];
		const levels = Array.from(document.querySelectorAll('h1, h2, h3, h4, h5, h6')).map((h) => ({
			level: Number(h.tagName[1]),
			text: (h.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40)
		}));
		const h1s = levels.filter((h) => h.level === 1).length;
		if (h1s !== 1) headings.push(`${h1s} h1 elements`);
		levels.forEach((h, i) => {
			const prev = i === 0 ? 0 : levels[i - 1]!.level;
			if (h.level > prev + 1) headings.push(`h${h.level} "${h.text}" after h${prev}`);
		});

		// Scroll regions: whatever scrolls sideways is focusable and labelled
		const scrollRegions: string[] = [];
		for (const el of Array.from(document.body.querySelectorAll<HTMLElement>('*'))) {
			const s = getComputedStyle(el);
			if (!/auto|scroll/.test(s.overflowX) || el.scrollWidth <= el.clientWidth + 1) continue;
			if (el.tabIndex < 0) scrollRegions.push(`${describe(el)} scrolls but is not focusable`);
			const label = el.getAttribute('aria-label') ?? el.getAttribute('aria-labelledby');
			if (el.getAttribute('role') !== 'region' || !label)
				scrollRegions.push(`${describe(el)} scrolls without a labelled region`);
		}

		// Targets: 24 × 24 px, or a 24 px circle around the target that meets no other target
		const targets: string[] = [];
		const controls = Array.from(
			document.querySelectorAll<HTMLElement>(
				'a[href], button, select, input, textarea, summary, [tabindex="0"]'
			)
		).filter(visible);
		const rects = controls.map((el) => el.getBoundingClientRect());
		const inline = (el: HTMLElement) => {
			// A link inside running text is exempt (2.5.8 "inline"): its block holds other text.
			if (el.tagName !== 'A') return false;
			const block = el.closest('p, li, dd, td, th, figcaption, caption, small, .crumbs');
			if (!block) return false;
			return (block.textContent ?? '').trim().length > (el.textContent ?? '').trim().length;
		};
		const small = rects.map((r) => r.width < 24 - 0.01 || r.height < 24 - 0.01);
		const centre = (r: DOMRect) => [r.left + r.width / 2, r.top + r.height / 2] as const;
		controls.forEach((el, i) => {
			const r = rects[i]!;
			if (!small[i] || inline(el)) return;
			const [cx, cy] = centre(r);
			// The spacing exception: a 24 px circle on its centre meets no other target nor its circle.
			const crowded = rects.some((o, j) => {
				const other = controls[j]!;
				if (j === i || other.contains(el) || el.contains(other)) return false;
				const dx = Math.max(o.left - cx, 0, cx - o.right);
				const dy = Math.max(o.top - cy, 0, cy - o.bottom);
				if (Math.hypot(dx, dy) < 12) return true;
				const [ox, oy] = centre(o);
				return small[j]! && Math.hypot(ox - cx, oy - cy) < 24;
			});
			if (crowded) targets.push(`${describe(el)} ${Math.round(r.width)}×${Math.round(r.height)} px`);
		});

		// Focus: every kind of control, focused, shows a ring of 3:1 against what is behind it
		const focus: string[] = [];
		const seen = new Set<string>();
		for (const el of controls) {
			if ((el as HTMLButtonElement).disabled) continue;
			const key = `${el.tagName}.${el.className}.${el.closest('header, nav, form, .controls, .downloads, .scroll-region, main')?.tagName}`;
			if (seen.has(key)) continue;
			seen.add(key);
			el.focus({ preventScroll: true });
			if (document.activeElement !== el) continue;
			const s = getComputedStyle(el);
			const width = parseFloat(s.outlineWidth);
			if (s.outlineStyle === 'none' || width < 2) {
				focus.push(`${describe(el)}: no focus outline (${s.outlineStyle} ${s.outlineWidth})`);
				continue;
			}
			const ring = parse(s.outlineColor);
			// A ring drawn inside the element (negative offset) lies on the element's own background.
			const behind = backgroundOf(parseFloat(s.outlineOffset) < 0 ? el : el.parentElement);
			const ratio = ring ? contrast(over(ring, behind), behind) : 0;
			if (ratio < 3)
				focus.push(`${describe(el)}: ring ${s.outlineColor} on rgb(${behind.join(', ')}) ${fmt(ratio)}:1`);
		}
		(document.activeElement as HTMLElement | null)?.blur();

		return { reflow, chartText, focus, marks, headings, scrollRegions, targets };
	});
}

/** WCAG 1.4.12's text spacing (the bookmarklet's values), added as a constructed sheet (no inline style: CSP). */
export async function withTextSpacing(page: Page): Promise<void> {
	await page.evaluate(() => {
		const sheet = new CSSStyleSheet();
		sheet.replaceSync(
			`* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
			 p { margin-bottom: 2em !important; }`
		);
		document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
	});
}

/** Elements whose text is cut off: content larger than a box that hides its overflow. */
export function clippedText(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const out: string[] = [];
		for (const el of Array.from(document.body.querySelectorAll<HTMLElement>('*'))) {
			const s = getComputedStyle(el);
			const r = el.getBoundingClientRect();
			if (r.width <= 1 || r.height <= 1 || !(el.textContent ?? '').trim()) continue;
			const hidesX = /hidden|clip/.test(s.overflowX);
			const hidesY = /hidden|clip/.test(s.overflowY);
			if (
				(hidesX && el.scrollWidth > el.clientWidth + 1) ||
				(hidesY && el.scrollHeight > el.clientHeight + 1)
			)
				out.push(
					`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${(el.textContent ?? '').trim().slice(0, 40)}"`
				);
		}
		return out;
	});
}

/**
 * Presses Tab until the focused element matches `selector` (and `text`, if given), as a keyboard-only
 * reader would; every element passed on the way must show its focus ring. Fails when it is not reached.
 */
export async function tabTo(
	page: Page,
	target: { selector: string; text?: RegExp },
	limit = 200
): Promise<void> {
	for (let i = 0; i < limit; i++) {
		await page.keyboard.press('Tab');
		const state = await page.evaluate(
			({ selector, text }) => {
				const el = document.activeElement;
				if (!el || el === document.body) return { hit: false, ring: true, name: '' };
				const s = getComputedStyle(el);
				const ring = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
				const hit = el.matches(selector) && (text === null || new RegExp(text).test(el.textContent ?? ''));
				return {
					hit,
					ring,
					name: `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 40)}"`
				};
			},
			{ selector: target.selector, text: target.text?.source ?? null }
		);
		if (!state.ring) throw new Error(`focus on ${state.name} shows no focus ring`);
		if (state.hit) return;
	}
	throw new Error(`${target.selector} ${target.text ?? ''} not reached in ${limit} presses of Tab`);
}

/** Counts every change to SvelteKit's route announcer from now on (a change is read aloud). */
export async function watchAnnouncer(page: Page): Promise<() => Promise<string[]>> {
	await page.evaluate(() => {
		const w = window as unknown as { announced: string[] };
		w.announced = [];
		const announcer = document.getElementById('svelte-announcer');
		if (!announcer) return;
		new MutationObserver(() => w.announced.push(announcer.textContent ?? '')).observe(announcer, {
			childList: true,
			characterData: true,
			subtree: true
		});
	});
	return () => page.evaluate(() => (window as unknown as { announced: string[] }).announced);
}
