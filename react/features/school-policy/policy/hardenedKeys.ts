/**
 * The one table of config keys the school policy fixes: which key, the value the policy requires,
 * the rule it serves, how jitsi-meet reads it, and what an admin is told when a deployment gets it
 * wrong. Hardening (hardenConfig.ts), the fork build's URL stripping (jitsi-meet/locationUrl.ts) and
 * the config audit (tools/config/audit.ts) are all derived from it; tests/upstream checks it against
 * the keys jitsi-meet's URL allow-list admits (docs/jitsi-behaviour.md §2).
 */
import type { Bilingual, RuleId } from '../rules';

/**
 * The three hang-up keys: the plain button and its "Leave" item, the red button that opens the
 * moderator's menu, and "End meeting for all" (docs/jitsi-behaviour.md §4). All three must notify and be
 * prevented, or one of them leaves without the leave-last dialog (R8).
 */
export const HANGUP_KEYS = ['hangup', 'hangup-menu', 'end-meeting'] as const;

/** Toolbar keys that start a recording or a stream (R9). */
export const RECORDING_BUTTONS: readonly string[] = ['recording', 'livestreaming'];

/**
 * A boolean switch. jitsi-meet reads it truthily (`if (config.x?.enabled)`), so `1`, `"true"` or any
 * object count as on and `0` or `""` as off; the audit reads it the same way.
 */
export interface FlagKey {
    readonly kind: 'flag';
    /** Dotted path in config.js, e.g. `recordingService.enabled`. */
    readonly path: string;
    /** An older name jitsi-meet still reads for the same switch. */
    readonly legacy?: string;
    /** The value the policy requires. */
    readonly value: boolean;
    /** What jitsi-meet does when the key is missing. */
    readonly jitsiDefault: boolean;
    readonly rule: RuleId;
    /** Said by the audit when a deployment has it the other way. */
    readonly problem: Bilingual;
}

/** A key that must not be set at all (its mere presence switches something on). */
export interface AbsentKey {
    readonly kind: 'absent';
    readonly path: string;
    readonly rule: RuleId;
    readonly problem: Bilingual;
}

/** A list of toolbar keys that must not contain the recording and streaming buttons. */
export interface ButtonListKey {
    readonly kind: 'buttonList';
    readonly path: string;
    readonly without: readonly string[];
    readonly rule: RuleId;
    readonly problem: Bilingual;
}

/** `buttonsWithNotifyClick`: the hang-up keys must notify and be prevented. */
export interface NotifyClickKey {
    readonly kind: 'notifyClick';
    readonly path: string;
    readonly keys: readonly string[];
    readonly rule: RuleId;
    readonly problem: Bilingual;
}

/** One row of the table. */
export type HardenedKey = FlagKey | AbsentKey | ButtonListKey | NotifyClickKey;

/** A switch the policy requires to be `value` (see {@link FlagKey}). */
const flag =
    (value: boolean) =>
    (
        path: string,
        rule: RuleId,
        de: string,
        en: string,
        extra: { legacy?: string; jitsiDefault?: boolean } = {},
    ): FlagKey => ({
        kind: 'flag',
        path,
        value,
        jitsiDefault: extra.jitsiDefault ?? false,
        rule,
        problem: { de, en },
        ...(extra.legacy ? { legacy: extra.legacy } : {}),
    });
const on = flag(true);
const off = flag(false);

/** The table. Order is the audit's order within a rule. */
export const HARDENED_KEYS: readonly HardenedKey[] = [
    // R4: nothing kept on a shared device
    on(
        'doNotStoreRoom',
        'R4',
        'Besuchte Räume werden im Browser gespeichert.',
        'Visited rooms are stored in the browser.',
    ),
    on(
        'deeplinking.disabled',
        'R4',
        'Die Weitergabe an die Jitsi-App ist an; die App speichert selbst.',
        'Hand-off to the Jitsi app is on; the app keeps its own storage.',
        { legacy: 'disableDeepLinking' },
    ),
    // R7: anonymous or pseudonymous, camera and microphone off
    on(
        'prejoinConfig.enabled',
        'R7',
        'Kein Vorschaubildschirm: Man ist ohne Kontrolle über Kamera, Mikrofon und Namen im Raum.',
        'No prejoin screen: people enter without checking camera, microphone and name.',
        { jitsiDefault: true },
    ),
    on('startWithAudioMuted', 'R7', 'Das Mikrofon ist beim Beitreten an.', 'The microphone is on when joining.'),
    on('startWithVideoMuted', 'R7', 'Die Kamera ist beim Beitreten an.', 'The camera is on when joining.'),
    off(
        'requireDisplayName',
        'R7',
        'Ein Name wird verlangt; anonyme Teilnahme ist nicht möglich.',
        'A name is required; anonymous participation is impossible.',
    ),
    // R8: the hang-up keys lead into the leave-last dialog
    {
        kind: 'notifyClick',
        path: 'buttonsWithNotifyClick',
        keys: HANGUP_KEYS,
        rule: 'R8',
        problem: {
            de: 'Auflegen geht am Dialog „Als Letzte gehen“ vorbei.',
            en: 'Hang-up bypasses the leave-last dialog.',
        },
    },
    // R9: no recordings of any kind
    off('recordingService.enabled', 'R9', 'Aufnahme auf dem Server ist an.', 'Server recording is on.', {
        legacy: 'fileRecordingsServiceEnabled',
    }),
    off('recordingService.sharingEnabled', 'R9', 'Aufnahmen können geteilt werden.', 'Recordings can be shared.'),
    on(
        'localRecording.disable',
        'R9',
        'Aufnahme im Browser ist möglich (jitsi-meet-Standard).',
        'Recording in the browser is possible (jitsi-meet default).',
    ),
    on(
        'localRecording.disableSelfRecording',
        'R9',
        'Man kann sich selbst im Browser aufnehmen.',
        'People can record themselves in the browser.',
    ),
    off('liveStreaming.enabled', 'R9', 'Livestreaming ist an.', 'Live streaming is on.', {
        legacy: 'liveStreamingEnabled',
    }),
    off(
        'transcription.enabled',
        'R9',
        'Transkription (Aufzeichnung der Sprache) ist an.',
        'Transcription (a record of speech) is on.',
        { legacy: 'transcribingEnabled' },
    ),
    off(
        'recordings.suggestRecording',
        'R9',
        'jitsi-meet schlägt vor, das Meeting aufzunehmen.',
        'jitsi-meet suggests recording the meeting.',
    ),
    off(
        'hideRecordingLabel',
        'R9',
        'Eine laufende Aufnahme wäre nicht zu sehen.',
        'A running recording would not be shown.',
    ),
    off(
        'disableRecordAudioNotification',
        'R9',
        'Der Hinweiston bei einer Aufnahme ist aus.',
        'The sound announcing a recording is off.',
    ),
    off(
        'iAmRecorder',
        'R9',
        'Die Seite verhält sich wie ein Aufnahme-Client.',
        'The page behaves as a recording client.',
    ),
    {
        kind: 'absent',
        path: 'dropbox.appKey',
        rule: 'R9',
        problem: {
            de: 'Ein Dropbox-Schlüssel lässt jitsi-meet Aufnahmen anbieten.',
            en: 'A Dropbox key makes jitsi-meet offer recording.',
        },
    },
    ...(['toolbarButtons', 'mainToolbarButtons', 'reducedUImainToolbarButtons'] as const).map(
        (path): ButtonListKey => ({
            kind: 'buttonList',
            path,
            without: RECORDING_BUTTONS,
            rule: 'R9',
            problem: {
                de: 'Die Werkzeugleiste zeigt Aufnahme oder Livestream.',
                en: 'The toolbar shows recording or live streaming.',
            },
        }),
    ),
    // R10: nobody listens in, no third party is asked
    on(
        'disableThirdPartyRequests',
        'R10',
        'Anfragen an Dritte sind erlaubt.',
        'Requests to third parties are allowed.',
    ),
    on(
        'gravatar.disabled',
        'R10',
        'Gravatar (ein Dritter) wird gefragt; disableThirdPartyRequests allein verhindert das nicht.',
        'Gravatar (a third party) is asked; disableThirdPartyRequests alone does not stop it.',
    ),
    on('analytics.disabled', 'R10', 'Analyse-Dienste sind nicht abgeschaltet.', 'Analytics are not switched off.'),
    off(
        'analytics.rtcstatsEnabled',
        'R10',
        'Verbindungsstatistiken werden an einen Statistik-Server gesendet.',
        'Connection statistics are sent to a statistics server.',
    ),
    off(
        'analytics.watchRTCEnabled',
        'R10',
        'Verbindungsdaten gehen an den Dienst watchRTC (ein Dritter).',
        'Connection data goes to the watchRTC service (a third party).',
    ),
];

/**
 * Keys on jitsi-meet's URL allow-list that look related to the rules but are deliberately not in the
 * table, each with the reason (checked by tests/upstream/hardenedKeys.test.ts).
 */
export const REVIEWED_NOT_HARDENED: Readonly<Record<string, string>> = {
    'deeplinking.desktop.enabled': 'covered by deeplinking.disabled',
    'prejoinConfig.hideDisplayName': 'hiding the name field does not reveal a name (R7 holds either way)',
    'prejoinConfig.hideExtraJoinButtons': 'layout only',
    'prejoinConfig.showHangUp': 'layout only',
    participantMenuButtonsWithNotifyClick: 'participant menu items, none of them records or leaves',
    toolbarConfig: 'toolbar timing and visibility only',
    'recordings.recordAudioAndVideo': 'a recording option; recording itself is off',
    'recordings.showPrejoinWarning': 'a warning only shown when recording is on',
    'recordings.showRecordingLink': 'a link only shown when recording is on',
};

/** The top-level config keys the table touches: what a URL may not override. */
export const HARDENED_TOP_LEVEL_KEYS: readonly string[] = [
    ...new Set(
        HARDENED_KEYS.flatMap(key => [key.path, ...(key.kind === 'flag' && key.legacy ? [key.legacy] : [])]).map(
            path => path.split('.')[0] ?? path,
        ),
    ),
];
