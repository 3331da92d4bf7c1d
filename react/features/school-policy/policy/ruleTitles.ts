/**
 * The rules' short titles, apart from the catalogue (rules.ts uses them): the module inside
 * jitsi-meet shows some of them on the prejoin screen and must not carry the whole catalogue into
 * jitsi-meet's main bundle.
 */
export const RULE_TITLES = {
    R1: { de: 'Nur für Schule und Unterricht', en: 'School use only' },
    R2: { de: 'Nur Lehrkräfte starten Meetings', en: 'Only teachers start meetings' },
    R3: { de: 'Zugangsdaten bleiben bei der Lehrkraft', en: 'Credentials stay with the teacher' },
    R4: { de: 'Geteilte Geräte bereinigen', en: 'Clean shared devices' },
    R5: { de: 'Missbrauch melden', en: 'Report misuse' },
    R6: { de: 'Immer mit Passwort', en: 'Always with a password' },
    R7: { de: 'Anonym oder mit Pseudonym', en: 'Anonymous or pseudonymous' },
    R8: { de: 'Die Lehrkraft geht als Letzte', en: 'The teacher leaves last' },
    R9: { de: 'Keine Aufzeichnungen', en: 'No recordings' },
    R10: { de: 'Niemand hört mit', en: 'Nobody listens in' },
} as const;
