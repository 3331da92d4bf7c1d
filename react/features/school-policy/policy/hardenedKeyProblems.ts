/**
 * What the config audit (tools/config/audit.ts) tells an admin for each row of the hardened-key table
 * (hardenedKeys.ts) that a deployment gets wrong, in German and English, by the row's path. Kept apart
 * from the table so that the module inside jitsi-meet, which enforces the table but never explains it,
 * does not carry these texts in jitsi-meet's bundle (issue #14's size budget). The table's paths are
 * this object's keys, so a row without a text does not compile; a text without a row fails
 * tests/upstream/hardenedKeys.test.ts.
 */
import type { Bilingual } from '../rules';

const TOOLBAR_SHOWS_RECORDING: Bilingual = {
    de: 'Die Werkzeugleiste zeigt Aufnahme oder Livestream.',
    en: 'The toolbar shows recording or live streaming.',
};

/** The audit's text for each hardened key, by its dotted path. */
export const HARDENED_KEY_PROBLEMS = {
    doNotStoreRoom: {
        de: 'Besuchte Räume werden im Browser gespeichert.',
        en: 'Visited rooms are stored in the browser.',
    },
    'deeplinking.disabled': {
        de: 'Die Weitergabe an die Jitsi-App ist an; die App speichert selbst.',
        en: 'Hand-off to the Jitsi app is on; the app keeps its own storage.',
    },
    'prejoinConfig.enabled': {
        de: 'Kein Vorschaubildschirm: Man ist ohne Kontrolle über Kamera, Mikrofon und Namen im Raum.',
        en: 'No prejoin screen: people enter without checking camera, microphone and name.',
    },
    startWithAudioMuted: {
        de: 'Das Mikrofon ist beim Beitreten an.',
        en: 'The microphone is on when joining.',
    },
    startWithVideoMuted: {
        de: 'Die Kamera ist beim Beitreten an.',
        en: 'The camera is on when joining.',
    },
    requireDisplayName: {
        de: 'Ein Name wird verlangt; anonyme Teilnahme ist nicht möglich.',
        en: 'A name is required; anonymous participation is impossible.',
    },
    'recordingService.enabled': {
        de: 'Aufnahme auf dem Server ist an.',
        en: 'Server recording is on.',
    },
    'recordingService.sharingEnabled': {
        de: 'Aufnahmen können geteilt werden.',
        en: 'Recordings can be shared.',
    },
    'localRecording.disable': {
        de: 'Aufnahme im Browser ist möglich (jitsi-meet-Standard).',
        en: 'Recording in the browser is possible (jitsi-meet default).',
    },
    'localRecording.disableSelfRecording': {
        de: 'Man kann sich selbst im Browser aufnehmen.',
        en: 'People can record themselves in the browser.',
    },
    'liveStreaming.enabled': {
        de: 'Livestreaming ist an.',
        en: 'Live streaming is on.',
    },
    'transcription.enabled': {
        de: 'Transkription (Aufzeichnung der Sprache) ist an.',
        en: 'Transcription (a record of speech) is on.',
    },
    'recordings.suggestRecording': {
        de: 'jitsi-meet schlägt vor, das Meeting aufzunehmen.',
        en: 'jitsi-meet suggests recording the meeting.',
    },
    hideRecordingLabel: {
        de: 'Eine laufende Aufnahme wäre nicht zu sehen.',
        en: 'A running recording would not be shown.',
    },
    disableRecordAudioNotification: {
        de: 'Der Hinweiston bei einer Aufnahme ist aus.',
        en: 'The sound announcing a recording is off.',
    },
    iAmRecorder: {
        de: 'Die Seite verhält sich wie ein Aufnahme-Client.',
        en: 'The page behaves as a recording client.',
    },
    disableThirdPartyRequests: {
        de: 'Anfragen an Dritte sind erlaubt.',
        en: 'Requests to third parties are allowed.',
    },
    'gravatar.disabled': {
        de: 'Gravatar (ein Dritter) wird gefragt; disableThirdPartyRequests allein verhindert das nicht.',
        en: 'Gravatar (a third party) is asked; disableThirdPartyRequests alone does not stop it.',
    },
    'analytics.disabled': {
        de: 'Analyse-Dienste sind nicht abgeschaltet.',
        en: 'Analytics are not switched off.',
    },
    'analytics.rtcstatsEnabled': {
        de: 'Verbindungsstatistiken werden an einen Statistik-Server gesendet.',
        en: 'Connection statistics are sent to a statistics server.',
    },
    'analytics.watchRTCEnabled': {
        de: 'Verbindungsdaten gehen an den Dienst watchRTC (ein Dritter).',
        en: 'Connection data goes to the watchRTC service (a third party).',
    },
    buttonsWithNotifyClick: {
        de: 'Auflegen geht am Dialog „Als Letzte gehen“ vorbei.',
        en: 'Hang-up bypasses the leave-last dialog.',
    },
    'dropbox.appKey': {
        de: 'Ein Dropbox-Schlüssel lässt jitsi-meet Aufnahmen anbieten.',
        en: 'A Dropbox key makes jitsi-meet offer recording.',
    },
    toolbarButtons: TOOLBAR_SHOWS_RECORDING,
    mainToolbarButtons: TOOLBAR_SHOWS_RECORDING,
    reducedUImainToolbarButtons: TOOLBAR_SHOWS_RECORDING,
} as const satisfies Readonly<Record<string, Bilingual>>;
