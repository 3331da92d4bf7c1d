/** What `npm run verify` says, in German and English. */
import type { Lang } from '../../react/features/school-policy';

const de = {
    usage: 'Aufruf: npm run verify -- <Web-Root-Verzeichnis oder https-Adresse> [--config <config.js>] [--interface <interface_config.js>] [--json] [--lang de|en]',
    pluginLoaded: 'plugin.head.html lädt das Schulrichtlinien-Modul (libs/school-policy.min.js)',
    hookTaken: 'jitsi-meet legt seinen Store über das Modul an (die Richtlinie ist aktiv)',
    configHardened: 'Die Konfiguration endet gehärtet, auch gegen Überschreibungen in der Adresse (#config.…)',
    noForeignRequests: 'Die Seite fragt keinen fremden Host an',
    pluginNotRequested:
        'Die Seite fordert das Skript nicht an: plugin.head.html fehlt oder lädt es nicht (siehe deploy/README.md, „The drop-in on Debian and docker-jitsi-meet“).',
    pluginStatus: 'Das Skript antwortet mit HTTP {status}: liegt libs/school-policy.min.js im Web-Root?',
    noStore: 'jitsi-meet ist nicht gestartet (kein APP.store nach {seconds} Sekunden). Ist das eine jitsi-meet-Seite?',
    noPolicyState:
        'jitsi-meets Store enthält den Zustand der Schulrichtlinie nicht: der Store-Hook wurde nicht genommen (lädt plugin.head.html das Skript vor app.bundle.min.js?).',
    inactiveCover: 'Die Seite zeigt „Die Schulrichtlinie ist nicht aktiv“. {detail}',
    foreignHosts: 'Anfragen an andere Hosts (vom Prüfwerkzeug blockiert): {hosts}',
    summary: '{passed} von {total} Prüfungen bestanden',
    notFound: 'Das Verzeichnis oder die Datei gibt es nicht: {detail}',
    notAWebRoot: 'Kein jitsi-meet-Web-Root (index.html fehlt): {detail}',
    badTarget: 'Weder ein Verzeichnis noch eine http(s)-Adresse: {detail}',
    unreachable: 'Die Seite ist nicht erreichbar: {detail}',
    unknownOption: 'Unbekannte Option: {detail}',
    browserMissing: 'Chromium lässt sich nicht starten ({detail}); `npm run setup` installiert Debians chromium.',
    internal: 'Interner Fehler des Prüfwerkzeugs (kein Urteil über die Installation): {detail}',
} as const;

type Key = keyof typeof de;

const en: Readonly<Record<Key, string>> = {
    usage: 'Usage: npm run verify -- <web root folder or https address> [--config <config.js>] [--interface <interface_config.js>] [--json] [--lang de|en]',
    pluginLoaded: 'plugin.head.html loads the school-policy module (libs/school-policy.min.js)',
    hookTaken: 'jitsi-meet creates its store through the module (the policy is active)',
    configHardened: 'The config ends hardened, also against overrides in the address (#config.…)',
    noForeignRequests: 'The page contacts no other host',
    pluginNotRequested:
        'The page does not ask for the script: plugin.head.html is missing or does not load it (see deploy/README.md, "The drop-in on Debian and docker-jitsi-meet").',
    pluginStatus: 'The script answers with HTTP {status}: is libs/school-policy.min.js in the web root?',
    noStore: 'jitsi-meet did not start (no APP.store after {seconds} seconds). Is this a jitsi-meet page?',
    noPolicyState:
        "jitsi-meet's store holds no school-policy state: the store hook was not taken (does plugin.head.html load the script before app.bundle.min.js?).",
    inactiveCover: 'The page shows "The school policy is not active". {detail}',
    foreignHosts: 'Requests to other hosts (blocked by the verifier): {hosts}',
    summary: '{passed} of {total} checks passed',
    notFound: 'No such folder or file: {detail}',
    notAWebRoot: 'Not a jitsi-meet web root (no index.html): {detail}',
    badTarget: 'Neither a folder nor an http(s) address: {detail}',
    unreachable: 'The page cannot be reached: {detail}',
    unknownOption: 'Unknown option: {detail}',
    browserMissing: "Chromium cannot be started ({detail}); `npm run setup` installs Debian's chromium.",
    internal: 'Internal error of the verifier (no verdict on the installation): {detail}',
};

/** The texts, by language. */
export const VERIFY_TEXT: Readonly<Record<Lang, Readonly<Record<Key, string>>>> = { de, en };

/** Fills `{name}` placeholders. */
export function fill(text: string, params: Readonly<Record<string, string>>): string {
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}
