/**
 * Config hardening: the school defaults imposed on a jitsi-meet config object. The fork build runs
 * it after every config change (so that URL hash and API overrides cannot undo it), the portal
 * passes its result as `configOverwrite`, and the audit tool compares a deployment against it.
 */

/** A jitsi-meet config object as far as we need to know it: any keys, values unknown. */
export type JitsiConfig = Readonly<Record<string, unknown>>;

/** An entry of `buttonsWithNotifyClick`: a key alone means "notify and do not run the click". */
export type NotifyClickEntry = string | { readonly key: string; readonly preventExecution: boolean };

/**
 * The three hang-up keys: the plain button and its "Leave" item, the red button that opens the
 * moderator's menu, and "End meeting for all" (docs/jitsi-behaviour.md §4). All three must notify and be
 * prevented, or one of them leaves without the leave-last dialog (R8).
 */
export const HANGUP_KEYS = ['hangup', 'hangup-menu', 'end-meeting'] as const;

/** Toolbar keys that start a recording or a stream (R9). */
export const RECORDING_BUTTONS: readonly string[] = ['recording', 'livestreaming'];

/**
 * The toolbar we set where a config names none. Jitsi's own default list contains `recording`
 * and `livestreaming`; an explicit list leaves no doubt.
 */
export const SCHOOL_TOOLBAR_BUTTONS: readonly string[] = [
    'microphone',
    'camera',
    'desktop',
    'chat',
    'raisehand',
    'reactions',
    'participants-pane',
    'tileview',
    'toggle-camera',
    'select-background',
    'settings',
    'fullscreen',
    'security',
    'hangup',
];

function objectAt(config: JitsiConfig, key: string): Readonly<Record<string, unknown>> {
    const value = config[key];

    return typeof value === 'object' && value !== null && !Array.isArray(value)
        ? (value as Readonly<Record<string, unknown>>)
        : {};
}

function withoutRecordingButtons(value: unknown): unknown {
    if (!Array.isArray(value)) {
        return value;
    }

    return value
        .map((item: unknown) => (Array.isArray(item) ? withoutRecordingButtons(item) : item))
        .filter((item: unknown) => typeof item !== 'string' || !RECORDING_BUTTONS.includes(item));
}

function entryKey(entry: unknown): string | undefined {
    if (typeof entry === 'string') {
        return entry;
    }
    if (typeof entry === 'object' && entry !== null && 'key' in entry && typeof entry.key === 'string') {
        return entry.key;
    }

    return undefined;
}

/** Keeps every other entry as it was and makes the hang-up keys notify-and-prevent. */
function withHangupInterception(value: unknown): NotifyClickEntry[] {
    const entries = Array.isArray(value) ? (value as unknown[]) : [];
    const hangup: readonly string[] = HANGUP_KEYS;
    const others = entries.filter((entry): entry is NotifyClickEntry => {
        const key = entryKey(entry);

        return key !== undefined && !hangup.includes(key);
    });

    return [...others, ...HANGUP_KEYS];
}

/**
 * Returns a copy of `config` with the school policy imposed:
 * - no recording, streaming, local recording or transcription, and no buttons for them (R9);
 * - prejoin on, camera and microphone off at the start (R7);
 * - no third-party requests: Gravatar and analytics off, rooms not stored (privacy, R4);
 * - the three hang-up keys intercepted, so the leave-last dialog runs (R8).
 *
 * Idempotent, never mutates its input, and only ever tightens: every value it sets is the strict
 * one, and lists are only filtered.
 */
export function hardenConfig(config: JitsiConfig): JitsiConfig {
    const toolbarButtons = Array.isArray(config.toolbarButtons)
        ? withoutRecordingButtons(config.toolbarButtons)
        : [...SCHOOL_TOOLBAR_BUTTONS];

    return {
        ...config,
        recordingService: { ...objectAt(config, 'recordingService'), enabled: false, sharingEnabled: false },
        localRecording: { ...objectAt(config, 'localRecording'), disable: true, disableSelfRecording: true },
        liveStreaming: { ...objectAt(config, 'liveStreaming'), enabled: false },
        transcription: { ...objectAt(config, 'transcription'), enabled: false },
        // Deprecated names that older builds still read.
        fileRecordingsServiceEnabled: false,
        liveStreamingEnabled: false,
        toolbarButtons,
        ...('mainToolbarButtons' in config
            ? { mainToolbarButtons: withoutRecordingButtons(config.mainToolbarButtons) }
            : {}),
        prejoinConfig: { ...objectAt(config, 'prejoinConfig'), enabled: true },
        startWithAudioMuted: true,
        startWithVideoMuted: true,
        disableThirdPartyRequests: true,
        gravatar: { ...objectAt(config, 'gravatar'), disabled: true },
        analytics: { ...objectAt(config, 'analytics'), disabled: true },
        doNotStoreRoom: true,
        buttonsWithNotifyClick: withHangupInterception(config.buttonsWithNotifyClick),
    };
}
