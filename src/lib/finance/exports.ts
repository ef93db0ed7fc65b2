import type { ExportTable } from '../export/table';
import type { FinanceYearView } from './view';
import { amountLabels, presentNet, type SignConvention } from './statement';
import { CHECK_GROUPS } from './reconcile';
import { remainingKrediet, type Phase } from './types';

/** The overview of baten en lasten of one year and phase as a downloadable table. */
export function statementTable(options: {
	view: FinanceYearView;
	phase: Phase;
	convention: SignConvention;
}): ExportTable {
	const { view, phase, convention } = options;
	const vn = convention === 'baten-min-lasten';
	const labels = amountLabels(phase);
	return {
		name: `Baten en lasten ${view.year}`,
		columns: [
			{ key: 'regel', label: `Overzicht baten en lasten, ${phase} ${view.year}`, kind: 'text' },
			{ key: 'lasten', label: labels.lasten, kind: 'integer' },
			{ key: 'baten', label: labels.baten, kind: 'integer' },
			{ key: 'saldo', label: labels.saldo, kind: 'integer' },
			...(vn ? [{ key: 'saldo_vn', label: 'V/N', kind: 'text' as const }] : []),
			{ key: 'toevoeging', label: labels.toevoeging, kind: 'integer' },
			{ key: 'onttrekking', label: labels.onttrekking, kind: 'integer' },
			{ key: 'resultaat', label: labels.resultaat, kind: 'integer' },
			...(vn ? [{ key: 'resultaat_vn', label: 'V/N', kind: 'text' as const }] : [])
		],
		rows: view.statements[phase].map((l) => {
			const saldo = presentNet({ value: l.saldo, convention });
			const resultaat = presentNet({ value: l.resultaat, convention });
			return {
				regel: l.level === 'doel' ? `Doel ${l.code} ${l.name}` : l.name,
				lasten: l.lasten,
				baten: l.baten,
				saldo: saldo.amount,
				saldo_vn: saldo.vn,
				toevoeging: l.toevoeging,
				onttrekking: l.onttrekking,
				resultaat: resultaat.amount,
				resultaat_vn: resultaat.vn
			};
		})
	};
}

/** Every reconciliation check of a year, pass or fail, with the amounts. */
export function checksTable(view: FinanceYearView): ExportTable {
	return {
		name: `Aansluiting ${view.year}`,
		columns: [
			{ key: 'uitkomst', label: 'Uitkomst', kind: 'text' },
			{ key: 'soort', label: 'Controle', kind: 'text' },
			{ key: 'fase', label: 'Fase', kind: 'text' },
			{ key: 'onderwerp', label: 'Onderwerp', kind: 'text' },
			{ key: 'regel', label: 'Regel', kind: 'text' },
			{ key: 'verwacht', label: 'Verwacht', kind: 'integer' },
			{ key: 'staat_er', label: 'Staat er', kind: 'integer' },
			{ key: 'verschil', label: 'Verschil', kind: 'integer' }
		],
		rows: [
			...view.reconciliation.checks.map((c) => ({
				uitkomst: c.passed ? 'klopt' : 'klopt niet',
				soort: CHECK_GROUPS[c.group],
				fase: c.phase ?? '',
				onderwerp: c.subject,
				regel: c.rule,
				verwacht: c.expected,
				staat_er: c.actual,
				verschil: c.difference
			})),
			...view.reconciliation.notPerformed.map((n) => ({
				uitkomst: 'niet uitgevoerd',
				soort: '',
				fase: '',
				onderwerp: n,
				regel: '',
				verwacht: null,
				staat_er: null,
				verschil: null
			}))
		]
	};
}

/** Realisatie against the begroting na wijziging per doel. */
export function varianceTable(view: FinanceYearView): ExportTable {
	return {
		name: `Afwijkingen ${view.year}`,
		columns: [
			{ key: 'doel', label: 'Doel', kind: 'text' },
			{ key: 'kolom', label: 'Kolom', kind: 'text' },
			{ key: 'begroting', label: 'Begroting na wijziging', kind: 'integer' },
			{ key: 'realisatie', label: 'Realisatie', kind: 'integer' },
			{ key: 'verschil', label: 'Verschil', kind: 'integer' },
			{ key: 'procent', label: 'Verschil (%)', kind: 'decimal', decimals: 1 },
			{ key: 'toelichten', label: 'Toelichting nodig', kind: 'text' },
			{ key: 'zelfde_als', label: 'Zelfde afwijking als', kind: 'text' },
			{ key: 'toelichting', label: 'Toelichting', kind: 'text' }
		],
		rows: view.variances.map((v) => ({
			doel: `${v.doel} ${v.name}`,
			kolom: v.column,
			begroting: v.budget,
			realisatie: v.actual,
			verschil: v.difference,
			procent: v.percent === null ? null : Math.round(v.percent * 10) / 10,
			toelichten: v.flagged ? 'ja' : 'nee',
			zelfde_als: v.sameAs ?? '',
			toelichting: v.explanation ?? ''
		}))
	};
}

/** The krediet overview with the remainder computed. */
export function kredietenTable(view: FinanceYearView): ExportTable {
	const y = view.year;
	return {
		name: `Kredieten ${y}`,
		columns: [
			{ key: 'doel', label: 'Doel', kind: 'text' },
			{ key: 'status', label: 'Mutatie', kind: 'text' },
			{ key: 'krediet', label: 'Krediet', kind: 'text' },
			{ key: 'omvang', label: 'Omvang krediet', kind: 'integer' },
			{ key: 'gerealiseerd', label: `Gerealiseerd tot en met ${y - 2}`, kind: 'integer' },
			{ key: 'resterend', label: 'Resterend krediet', kind: 'integer' },
			{ key: 'raming_vorig', label: `Raming ${y - 1}`, kind: 'integer' },
			{ key: 'raming_jaar', label: `Raming ${y}`, kind: 'integer' },
			{ key: 'raming_later', label: `Raming ${y + 1} en verder`, kind: 'integer' }
		],
		rows: view.kredieten.map((k) => ({
			doel: k.doel,
			status: k.status,
			krediet: k.krediet,
			omvang: k.omvang,
			gerealiseerd: k.gerealiseerd_tm_vorig_jaar,
			resterend: remainingKrediet(k),
			raming_vorig: k.raming_vorig_jaar,
			raming_jaar: k.raming_begrotingsjaar,
			raming_later: k.raming_later
		}))
	};
}

/** Lasten per doel beside the doel's volume indicator. */
export function costTable(view: FinanceYearView): ExportTable {
	return {
		name: `Kosten per resultaat ${view.year}`,
		columns: [
			{ key: 'doel', label: 'Doel', kind: 'text' },
			{ key: 'fase', label: 'Lasten uit', kind: 'text' },
			{ key: 'lasten', label: 'Lasten', kind: 'integer' },
			{ key: 'volume', label: 'Volume', kind: 'integer' },
			{ key: 'eenheid', label: 'Per', kind: 'text' },
			{ key: 'kosten', label: 'Lasten per eenheid', kind: 'integer' }
		],
		rows: view.costPerResult.map((c) => ({
			doel: `${c.doel} ${c.name}`,
			fase: c.phase,
			lasten: c.lasten,
			volume: c.volume,
			eenheid: c.unit,
			kosten: c.cost === null ? null : Math.round(c.cost)
		}))
	};
}
