/** Titles of the seeded DNK criteria and SDGs in French and Dutch; German and English live in the database. */
export const CODE_TITLES: Record<string, { fr: string; nl: string }> = {
	'dnk:1': { fr: 'Stratégie', nl: 'Strategie' },
	'dnk:2': { fr: 'Matérialité', nl: 'Materialiteit' },
	'dnk:3': { fr: 'Objectifs', nl: 'Doelen' },
	'dnk:4': { fr: 'Profondeur de la chaîne de valeur', nl: 'Diepte van de waardeketen' },
	'dnk:5': { fr: 'Responsabilité', nl: 'Verantwoordelijkheid' },
	'dnk:6': { fr: 'Règles et processus', nl: 'Regels en processen' },
	'dnk:7': { fr: 'Contrôle', nl: 'Controle' },
	'dnk:8': { fr: "Systèmes d'incitation", nl: 'Stimuleringsregelingen' },
	'dnk:9': { fr: 'Implication des parties prenantes', nl: 'Betrokkenheid van belanghebbenden' },
	'dnk:10': {
		fr: "Gestion de l'innovation et des produits",
		nl: 'Innovatie- en productmanagement'
	},
	'dnk:11': {
		fr: 'Utilisation des ressources naturelles',
		nl: 'Gebruik van natuurlijke hulpbronnen'
	},
	'dnk:12': { fr: 'Gestion des ressources', nl: 'Beheer van hulpbronnen' },
	'dnk:13': { fr: 'Émissions ayant un impact sur le climat', nl: 'Klimaatrelevante emissies' },
	'dnk:14': { fr: 'Droits des salariés', nl: 'Werknemersrechten' },
	'dnk:15': { fr: 'Égalité des chances', nl: 'Gelijke kansen' },
	'dnk:16': { fr: 'Qualification', nl: 'Kwalificatie' },
	'dnk:17': { fr: "Droits de l'homme", nl: 'Mensenrechten' },
	'dnk:18': { fr: "Citoyenneté d'entreprise", nl: 'Maatschappelijke betrokkenheid' },
	'dnk:19': { fr: 'Influence politique', nl: 'Politieke beïnvloeding' },
	'dnk:20': {
		fr: 'Comportement conforme à la loi et aux directives',
		nl: 'Gedrag conform wet- en regelgeving'
	},
	'sdg:1': { fr: 'Pas de pauvreté', nl: 'Geen armoede' },
	'sdg:2': { fr: 'Faim « zéro »', nl: 'Geen honger' },
	'sdg:3': { fr: 'Bonne santé et bien-être', nl: 'Goede gezondheid en welzijn' },
	'sdg:4': { fr: 'Éducation de qualité', nl: 'Kwaliteitsonderwijs' },
	'sdg:5': { fr: 'Égalité entre les sexes', nl: 'Gendergelijkheid' },
	'sdg:6': { fr: 'Eau propre et assainissement', nl: 'Schoon water en sanitair' },
	'sdg:7': { fr: "Énergie propre et d'un coût abordable", nl: 'Betaalbare en duurzame energie' },
	'sdg:8': {
		fr: 'Travail décent et croissance économique',
		nl: 'Waardig werk en economische groei'
	},
	'sdg:9': {
		fr: 'Industrie, innovation et infrastructure',
		nl: 'Industrie, innovatie en infrastructuur'
	},
	'sdg:10': { fr: 'Inégalités réduites', nl: 'Ongelijkheid verminderen' },
	'sdg:11': { fr: 'Villes et communautés durables', nl: 'Duurzame steden en gemeenschappen' },
	'sdg:12': {
		fr: 'Consommation et production responsables',
		nl: 'Verantwoorde consumptie en productie'
	},
	'sdg:13': {
		fr: 'Mesures relatives à la lutte contre les changements climatiques',
		nl: 'Klimaatactie'
	},
	'sdg:14': { fr: 'Vie aquatique', nl: 'Leven in het water' },
	'sdg:15': { fr: 'Vie terrestre', nl: 'Leven op het land' },
	'sdg:16': {
		fr: 'Paix, justice et institutions efficaces',
		nl: 'Vrede, justitie en sterke publieke diensten'
	},
	'sdg:17': {
		fr: 'Partenariats pour la réalisation des objectifs',
		nl: 'Partnerschap om doelstellingen te bereiken'
	}
};

/**
 * A code's title in the reader's language: German (also for Easy German) and English from the
 * database, French and Dutch from `CODE_TITLES` for the seeded codes. Own tags keep the name
 * people gave them, which is stored as both the German and the English title.
 */
export function localizedCodeTitle(
	code: { framework: string; code: number; titleDe: string; titleEn: string },
	locale: string
): string {
	if (locale === 'fr' || locale === 'nl') {
		const seeded =
			code.framework === 'own' ? undefined : CODE_TITLES[`${code.framework}:${code.code}`];
		return seeded?.[locale] ?? code.titleEn;
	}
	return locale === 'en' ? code.titleEn : code.titleDe;
}
