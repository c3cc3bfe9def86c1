// The dashboard's words, French first (the city's language), English on request.
export type Language = 'fr' | 'en';

const WORDS = {
  title: { fr: 'Paris en direct', en: 'Paris live' },
  map: { fr: 'Stations de tri : remplissage', en: 'Waste stations: fill level' },
  energy: { fr: 'Puissance appelée, ville (kW)', en: 'Energy load, city (kW)' },
  energyByArrondissement: { fr: 'Puissance par arrondissement (kW)', en: 'Load per arrondissement (kW)' },
  alerts: { fr: 'Alertes de remplissage', en: 'Fill-level alerts' },
  votes: { fr: 'Budget participatif : votes', en: 'Participatory budget: votes' },
  requests: { fr: 'Demandes d’accompagnement ouvertes', en: 'Open accompaniment requests' },
  suppressed: { fr: '< 5', en: '< 5' },
  live: { fr: 'en direct', en: 'live' },
  connecting: { fr: 'connexion…', en: 'connecting…' },
  reconnecting: { fr: 'reconnexion…', en: 'reconnecting…' },
  legendEmpty: { fr: 'vide', en: 'empty' },
  legendFull: { fr: 'plein', en: 'full' },
  legendAlert: { fr: 'alerte ≥ 90 %', en: 'alert ≥ 90 %' },
  legendUnknown: { fr: 'sans capteur', en: 'no sensor' },
  switchTo: { fr: 'English', en: 'Français' },
  arrondissementShort: { fr: 'e', en: '' },
} as const;

export type Word = keyof typeof WORDS;

export function initialLanguage(): Language {
  const asked = new URLSearchParams(location.search).get('lang') ?? localStorage.getItem('ocg-lang');
  return asked === 'en' ? 'en' : 'fr';
}

export function translate(language: Language, word: Word): string {
  return WORDS[word][language];
}

/** "17e" in French, "17" in English. */
export function arrondissementLabel(language: Language, code: number): string {
  return language === 'fr' ? (code === 1 ? '1er' : `${code}e`) : String(code);
}

export function formatNumber(language: Language, value: number, digits = 0): string {
  return value.toLocaleString(language === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: digits });
}
