/**
 * Our own narrow, typed view of Jitsi's IFrame API (`JitsiMeetExternalAPI`), and a loader for
 * `external_api.js` with a time limit. The SDK's own loader never reports a failure (docs/jitsi-behaviour.md §5),
 * so the portal loads the script itself and mounts `JitsiMeeting` only once it is there.
 */
import type { RecordingMode } from '../school-policy';

/** The events the portal listens to. Payloads arrive untyped and are checked by the adapter. */
export const EXTERNAL_API_EVENTS = [
    // Sent by the meeting page as soon as it has loaded (modules/API/API.js notifyBrowserSupport) and
    // when its prejoin screen shows (Preview.tsx notifyPrejoinLoaded): the page is answering.
    'browserSupport',
    'prejoinScreenLoaded',
    'videoConferenceJoined',
    'videoConferenceLeft',
    'participantJoined',
    'participantLeft',
    'participantRoleChanged',
    'participantKickedOut',
    'passwordRequired',
    'recordingStatusChanged',
    'readyToClose',
    'toolbarButtonClicked',
    'errorOccurred',
] as const;

/** An IFrame API event name the portal uses. */
export type ExternalApiEvent = (typeof EXTERNAL_API_EVENTS)[number];

/** The commands the portal sends, with their arguments. */
export interface ExternalApiCommands {
    password: [password: string];
    kickParticipant: [participantId: string];
    endConference: [];
    hangup: [];
    stopRecording: [mode: RecordingMode];
    sendChatMessage: [message: string];
}

/** The part of `JitsiMeetExternalAPI` the portal uses. */
export interface ExternalApi {
    executeCommand<K extends keyof ExternalApiCommands>(name: K, ...args: ExternalApiCommands[K]): void;
    addListener(event: ExternalApiEvent, listener: (payload: unknown) => void): void;
    removeListener(event: ExternalApiEvent, listener: (payload: unknown) => void): void;
    dispose(): void;
}

/** Narrows the SDK's (untyped) API object to ours, checking that the methods are there. */
export function asExternalApi(api: unknown): ExternalApi {
    const candidate = api as Partial<Record<keyof ExternalApi, unknown>> | null;

    if (
        !candidate ||
        typeof candidate.executeCommand !== 'function' ||
        typeof candidate.addListener !== 'function' ||
        typeof candidate.removeListener !== 'function' ||
        typeof candidate.dispose !== 'function'
    ) {
        throw new TypeError('The Jitsi IFrame API object lacks executeCommand, addListener, removeListener or dispose');
    }

    return candidate as ExternalApi;
}

/** Why loading `external_api.js` failed. */
export type ExternalApiLoadError = 'timeout' | 'network' | 'invalid';

/** A failed load, with the reason. */
export class ExternalApiLoadFailure extends Error {
    constructor(readonly reason: ExternalApiLoadError) {
        super(`external_api.js could not be loaded: ${reason}`);
        this.name = 'ExternalApiLoadFailure';
    }
}

/** Default time limit for loading `external_api.js`. */
export const EXTERNAL_API_TIMEOUT_MS = 15000;

/**
 * Loads `<origin>/external_api.js` with a time limit. A failed or stale script element is removed,
 * so that a retry really loads again (and a global left by a half-loaded script is not trusted).
 */
export function loadExternalApi(origin: string, options: { timeoutMs?: number; doc?: Document } = {}): Promise<void> {
    const doc = options.doc ?? document;
    const win = doc.defaultView as (Window & { JitsiMeetExternalAPI?: unknown }) | null;
    const src = `${origin}/external_api.js`;

    if (typeof win?.JitsiMeetExternalAPI === 'function') {
        return Promise.resolve();
    }
    doc.querySelectorAll(`script[data-jitsi-external-api]`).forEach(old => old.remove());

    return new Promise<void>((resolve, reject) => {
        const script = doc.createElement('script');
        const timer = setTimeout(() => fail('timeout'), options.timeoutMs ?? EXTERNAL_API_TIMEOUT_MS);

        function fail(reason: ExternalApiLoadError) {
            clearTimeout(timer);
            script.remove();
            reject(new ExternalApiLoadFailure(reason));
        }
        script.src = src;
        script.async = true;
        script.dataset.jitsiExternalApi = '';
        script.onload = () => {
            clearTimeout(timer);
            if (typeof win?.JitsiMeetExternalAPI === 'function') {
                resolve();
            } else {
                fail('invalid');
            }
        };
        script.onerror = () => fail('network');
        doc.head.appendChild(script);
    });
}
