/**
 * The rules' short titles, apart from the catalogue (rules.ts uses them): the module inside
 * jitsi-meet shows some of them on the prejoin screen and must not carry the whole catalogue into
 * jitsi-meet's main bundle. One constant per title, not one object: the catalogue refers to them by
 * name, which leaves it free of side effects, so that bundles that do not use it drop it whole (a
 * property read such as `TITLES.R1` could run a getter, and keeps the catalogue in every bundle).
 */
export const R1_TITLE = { de: 'Nur für Schule und Unterricht', en: 'School use only' } as const;
export const R2_TITLE = { de: 'Nur Lehrkräfte starten Meetings', en: 'Only teachers start meetings' } as const;
export const R3_TITLE = {
    de: 'Zugangsdaten bleiben bei der Lehrkraft',
    en: 'Credentials stay with the teacher',
} as const;
export const R4_TITLE = { de: 'Geteilte Geräte bereinigen', en: 'Clean shared devices' } as const;
export const R5_TITLE = { de: 'Missbrauch melden', en: 'Report misuse' } as const;
export const R6_TITLE = { de: 'Immer mit Passwort', en: 'Always with a password' } as const;
export const R7_TITLE = { de: 'Anonym oder mit Pseudonym', en: 'Anonymous or pseudonymous' } as const;
export const R8_TITLE = { de: 'Die Lehrkraft geht als Letzte', en: 'The teacher leaves last' } as const;
export const R9_TITLE = { de: 'Keine Aufzeichnungen', en: 'No recordings' } as const;
export const R10_TITLE = { de: 'Niemand hört mit', en: 'Nobody listens in' } as const;
