/**
 * The IFrame adapter: `PolicyHost` over Jitsi's IFrame API, and the translation of its events into
 * the core's events. The IFrame API drops moderator commands of non-moderators silently and never
 * reports the lock state (docs/jitsi-behaviour.md §4), so this adapter tracks the local role itself and refuses
 * such commands with `notModerator` instead of pretending.
 */
import type { UnknownAction } from '@reduxjs/toolkit';

import {
    fieldOf,
    PolicyHostError,
    policyActions,
    type PolicyHost,
    type RecordingMode,
    type Role,
} from '../school-policy';

import { EXTERNAL_API_EVENTS, type ExternalApi, type ExternalApiEvent } from './externalApi';
import { portalActions } from './portalSlice';

const ROLES: readonly Role[] = ['moderator', 'participant', 'none'];
const MODES: readonly RecordingMode[] = ['local', 'file', 'stream'];

/** How long a kick may go unconfirmed (no participantLeft / participantKickedOut) before it fails. */
export const KICK_CONFIRM_MS = 5000;

function str(payload: unknown, key: string): string | undefined {
    const value = fieldOf(payload, key);

    return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** The portal's PolicyHost. One instance lives as long as the store; meetings attach and detach. */
export class IFrameHost implements PolicyHost {
    private api: ExternalApi | null = null;
    private listeners: [ExternalApiEvent, (payload: unknown) => void][] = [];
    private connected = false;
    private localId: string | null = null;
    private readonly roles = new Map<string, Role>();
    private readonly remotes = new Set<string>();
    private readonly kicks = new Map<string, () => void>();
    private leftReason: 'hangup' | 'ended' = 'hangup';
    private answered = false;

    /**
     * @param dispatch - where translated events go (the store's dispatch).
     * @param kickConfirmMs - how long a kick may go unconfirmed.
     */
    constructor(
        private readonly dispatch: (action: UnknownAction) => unknown,
        private readonly kickConfirmMs = KICK_CONFIRM_MS,
    ) {}

    /** Starts translating the events of a new meeting's API. Detaches the previous one. */
    attach(api: ExternalApi): void {
        this.detach();
        this.api = api;
        this.listeners = EXTERNAL_API_EVENTS.map(event => [event, (payload: unknown) => this.handle(event, payload)]);
        this.listeners.forEach(([event, listener]) => api.addListener(event, listener));
    }

    /** Stops listening and disposes the API (the SDK never does, docs/jitsi-behaviour.md §5). */
    detach(): void {
        const api = this.api;

        this.api = null;
        if (api) {
            this.listeners.forEach(([event, listener]) => api.removeListener(event, listener));
            api.dispose();
        }
        this.listeners = [];
        this.connected = false;
        this.localId = null;
        this.roles.clear();
        this.remotes.clear();
        this.kicks.clear();
        this.leftReason = 'hangup';
        this.answered = false;
    }

    /** Answers Jitsi's `passwordRequired` with the password the user entered. */
    submitJoinPassword(password: string): void {
        this.api?.executeCommand('password', password);
    }

    private get localRole(): Role {
        return (this.localId && this.roles.get(this.localId)) || 'none';
    }

    private handle(event: ExternalApiEvent, payload: unknown): void {
        if (!this.answered) {
            // Any event at all: the meeting page has loaded and talks to us.
            this.answered = true;
            this.dispatch(portalActions.meetingPageAnswered());
        }
        this.translations[event]?.(payload);
    }

    /**
     * One translation per IFrame API event; `browserSupport` and `prejoinScreenLoaded` only tell
     * that the page answers (above).
     */
    private readonly translations: Partial<Record<ExternalApiEvent, (payload: unknown) => void>> = {
        videoConferenceJoined: payload => {
            const id = str(payload, 'id');

            if (!id) {
                return;
            }
            this.connected = true;
            this.localId = id;
            this.dispatch(policyActions.meetingJoined({ localId: id, room: str(payload, 'roomName') }));
            this.dispatch(portalActions.joinSucceeded());
        },
        participantRoleChanged: payload => {
            const id = str(payload, 'id');
            const role = fieldOf(payload, 'role');

            if (id && ROLES.includes(role as Role)) {
                this.roles.set(id, role as Role);
                this.dispatch(policyActions.roleChanged({ id, role: role as Role }));
            }
        },
        participantJoined: payload => {
            const id = str(payload, 'id');

            if (id) {
                this.remotes.add(id);
                this.dispatch(policyActions.participantJoined({ id, name: str(payload, 'displayName') ?? null }));
            }
        },
        participantLeft: payload => {
            const id = str(payload, 'id');

            if (id) {
                this.remoteGone(id);
            }
        },
        participantKickedOut: payload => {
            const kicked = fieldOf(payload, 'kicked');
            const kickedId = str(kicked, 'id');

            if (fieldOf(kicked, 'local') === true || (kickedId !== undefined && kickedId === this.localId)) {
                this.connected = false;
                this.dispatch(policyActions.meetingLeft({ reason: 'kicked' }));
            } else if (kickedId) {
                this.remoteGone(kickedId);
            }
        },
        recordingStatusChanged: payload => {
            const mode = fieldOf(payload, 'mode');

            this.dispatch(
                policyActions.recordingStatusChanged({
                    on: fieldOf(payload, 'on') === true,
                    mode: MODES.includes(mode as RecordingMode) ? (mode as RecordingMode) : undefined,
                }),
            );
        },
        // jitsi-meet's page reports `videoConferenceLeft` whenever it unloads, joined or not
        // (react/features/external-api/middleware.ts, SET_CONFIG): e.g. when the portal takes away the
        // frame of a join that did not succeed. Only a meeting we were in can end.
        videoConferenceLeft: () => {
            if (this.connected) {
                this.left();
            }
        },
        readyToClose: () => this.left(),
        toolbarButtonClicked: payload => {
            const key = str(payload, 'key');

            if (key) {
                this.dispatch(policyActions.toolbarButtonClicked({ key }));
            }
        },
        passwordRequired: () => {
            this.dispatch(portalActions.joinPasswordRequested());
        },
        errorOccurred: payload => {
            const error = fieldOf(payload, 'error');
            const isFatal = fieldOf(error, 'isFatal');
            const params = fieldOf(error, 'params');

            if (this.connected && isFatal === true && str(error, 'name')?.startsWith('connection.')) {
                this.interrupted();

                return;
            }

            this.dispatch(
                portalActions.joinErrorOccurred({
                    name: str(error, 'name') ?? str(error, 'message') ?? 'unknown',
                    ...(typeof isFatal === 'boolean' ? { isFatal } : {}),
                    ...(Array.isArray(params) ? { texts: params.filter(p => typeof p === 'string') } : {}),
                }),
            );
        },
    };

    /**
     * A fatal connection error in the meeting: jitsi-meet shows its page-reload overlay and reloads
     * the page in the same frame after 10–30 s (react/features/overlay/, app/actions.web.ts
     * `reloadNow`), reporting `videoConferenceLeft` just before. The lesson goes on after that.
     */
    private interrupted(): void {
        this.connected = false;
        this.localId = null;
        this.roles.clear();
        this.remotes.clear();
        this.dispatch(policyActions.meetingInterrupted());
        this.dispatch(portalActions.meetingReconnecting());
    }

    private left(): void {
        this.connected = false;
        this.dispatch(policyActions.meetingLeft({ reason: this.leftReason }));
    }

    private remoteGone(id: string): void {
        this.remotes.delete(id);
        this.kicks.get(id)?.();
        this.kicks.delete(id);
        this.dispatch(policyActions.participantLeft({ id }));
    }

    private require(needsModerator: boolean): ExternalApi {
        if (!this.api || !this.connected) {
            throw new PolicyHostError('notConnected');
        }
        if (needsModerator && this.localRole !== 'moderator') {
            throw new PolicyHostError('notModerator');
        }

        return this.api;
    }

    /** The IFrame API never confirms a lock; this resolves once the command is sent. */
    lock(password: string): Promise<void> {
        return this.run(() => this.require(true).executeCommand('password', password));
    }

    /** Resolves when Jitsi reports the participant gone; rejects after {@link KICK_CONFIRM_MS}. */
    kick(participantId: string): Promise<void> {
        try {
            const api = this.require(true);

            if (!this.remotes.has(participantId)) {
                throw new PolicyHostError('unknownParticipant');
            }

            return new Promise<void>((resolve, reject) => {
                const timer = setTimeout(() => {
                    this.kicks.delete(participantId);
                    reject(new PolicyHostError('timeout', `kick of ${participantId} not confirmed`));
                }, this.kickConfirmMs);

                this.kicks.set(participantId, () => {
                    clearTimeout(timer);
                    resolve();
                });
                api.executeCommand('kickParticipant', participantId);
            });
        } catch (error) {
            return Promise.reject(error instanceof Error ? error : new PolicyHostError('rejected'));
        }
    }

    endForAll(): Promise<void> {
        return this.run(() => {
            const api = this.require(true);

            // Before the command: Jitsi may report the end while it is still being sent.
            this.leftReason = 'ended';
            api.executeCommand('endConference');
        });
    }

    leave(): Promise<void> {
        return this.run(() => this.require(false).executeCommand('hangup'));
    }

    stopRecording(mode: RecordingMode): Promise<void> {
        return this.run(() => this.require(mode !== 'local').executeCommand('stopRecording', mode));
    }

    sendMessageToAll(text: string): Promise<void> {
        return this.run(() => this.require(false).executeCommand('sendChatMessage', text));
    }

    private run(command: () => void): Promise<void> {
        try {
            command();

            return Promise.resolve();
        } catch (error) {
            return Promise.reject(error instanceof Error ? error : new PolicyHostError('rejected'));
        }
    }
}
