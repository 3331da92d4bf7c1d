/**
 * The one table of config keys the school policy fixes: which key, the value the policy requires,
 * the rule it serves, how jitsi-meet reads it, and what an admin is told when a deployment gets it
 * wrong. Hardening (hardenConfig.ts), the fork build's URL stripping (jitsi-meet/locationUrl.ts) and
 * the config audit (tools/config/audit.ts) are all derived from it; tests/upstream checks it against
 * the keys jitsi-meet's URL allow-list admits (docs/jitsi-behaviour.md §2).
 */
import type { RuleId } from '../rules';

// Type only: the texts stay out of jitsi-meet's bundle; their keys are the table's paths.
import type { HARDENED_KEY_PROBLEMS } from './hardenedKeyProblems';

/** A path the table holds (each has the audit's text in hardenedKeyProblems.ts). */
export type HardenedPath = keyof typeof HARDENED_KEY_PROBLEMS;

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
    readonly path: HardenedPath;
    /** An older name jitsi-meet still reads for the same switch. */
    readonly legacy?: string;
    /** The value the policy requires. */
    readonly value: boolean;
    /** What jitsi-meet does when the key is missing. */
    readonly jitsiDefault: boolean;
    readonly rule: RuleId;
}

/** A key that must not be set at all (its mere presence switches something on). */
export interface AbsentKey {
    readonly kind: 'absent';
    readonly path: HardenedPath;
    readonly rule: RuleId;
}

/** A list of toolbar keys that must not contain the recording and streaming buttons. */
export interface ButtonListKey {
    readonly kind: 'buttonList';
    readonly path: HardenedPath;
    readonly without: readonly string[];
    readonly rule: RuleId;
}

/** `buttonsWithNotifyClick`: the hang-up keys must notify and be prevented. */
export interface NotifyClickKey {
    readonly kind: 'notifyClick';
    readonly path: HardenedPath;
    readonly keys: readonly string[];
    readonly rule: RuleId;
}

/** One row of the table. */
export type HardenedKey = FlagKey | AbsentKey | ButtonListKey | NotifyClickKey;

/** A switch the policy requires to be `value` (see {@link FlagKey}). */
const flag =
    (value: boolean) =>
    (path: HardenedPath, rule: RuleId, extra: { legacy?: string; jitsiDefault?: boolean } = {}): FlagKey => ({
        kind: 'flag',
        path,
        value,
        jitsiDefault: extra.jitsiDefault ?? false,
        rule,
        ...(extra.legacy ? { legacy: extra.legacy } : {}),
    });
const on = flag(true);
const off = flag(false);

/** The table. Order is the audit's order within a rule. */
export const HARDENED_KEYS: readonly HardenedKey[] = [
    // R4: nothing kept on a shared device
    on('doNotStoreRoom', 'R4'),
    on('deeplinking.disabled', 'R4', { legacy: 'disableDeepLinking' }),
    // R7: anonymous or pseudonymous, camera and microphone off
    on('prejoinConfig.enabled', 'R7', { jitsiDefault: true }),
    on('startWithAudioMuted', 'R7'),
    on('startWithVideoMuted', 'R7'),
    off('requireDisplayName', 'R7'),
    // R8: the hang-up keys lead into the leave-last dialog
    {
        kind: 'notifyClick',
        path: 'buttonsWithNotifyClick',
        keys: HANGUP_KEYS,
        rule: 'R8',
    },
    // R9: no recordings of any kind
    off('recordingService.enabled', 'R9', {
        legacy: 'fileRecordingsServiceEnabled',
    }),
    off('recordingService.sharingEnabled', 'R9'),
    on('localRecording.disable', 'R9'),
    on('localRecording.disableSelfRecording', 'R9'),
    off('liveStreaming.enabled', 'R9', {
        legacy: 'liveStreamingEnabled',
    }),
    off('transcription.enabled', 'R9', { legacy: 'transcribingEnabled' }),
    off('recordings.suggestRecording', 'R9'),
    off('hideRecordingLabel', 'R9'),
    off('disableRecordAudioNotification', 'R9'),
    off('iAmRecorder', 'R9'),
    {
        kind: 'absent',
        path: 'dropbox.appKey',
        rule: 'R9',
    },
    ...(['toolbarButtons', 'mainToolbarButtons', 'reducedUImainToolbarButtons'] as const).map(
        (path): ButtonListKey => ({
            kind: 'buttonList',
            path,
            without: RECORDING_BUTTONS,
            rule: 'R9',
        }),
    ),
    // R10: nobody listens in, no third party is asked
    on('disableThirdPartyRequests', 'R10'),
    on('gravatar.disabled', 'R10'),
    on('analytics.disabled', 'R10'),
    off('analytics.rtcstatsEnabled', 'R10'),
    off('analytics.watchRTCEnabled', 'R10'),
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
