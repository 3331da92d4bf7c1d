/**
 * The IFrame adapter: `PolicyHost` over Jitsi's IFrame API. Its events become the core's events and
 * the portal's join state in iframeEvents.ts (a pure function); this class keeps what they said of
 * the meeting and answers the core's commands. The IFrame API drops moderator commands of
 * non-moderators silently and never reports the lock state (docs/jitsi-behaviour.md §4), so the
 * adapter tracks the local role itself and refuses such commands with `notModerator` instead of
 * pretending.
 */
import type { UnknownAction } from 'redux';

import { PolicyHostError, type PolicyHost, type RecordingMode, type Role } from '../school-policy';

import { EXTERNAL_API_EVENTS, type ExternalApi, type ExternalApiEvent } from './externalApi';
import { NO_MEETING, translateIFrameEvent, type MeetingFacts } from './iframeEvents';
import { portalActions } from './portalSlice';

/** How long a kick may go unconfirmed (no participantLeft / participantKickedOut) before it fails. */
export const KICK_CONFIRM_MS = 5000;

/** The portal's PolicyHost. One instance lives as long as the store; meetings attach and detach. */
export class IFrameHost implements PolicyHost {
    private api: ExternalApi | null = null;
    private listeners: [ExternalApiEvent, (payload: unknown) => void][] = [];
    /** What the events said of the meeting (iframeEvents.ts keeps it up to date). */
    private facts: MeetingFacts = NO_MEETING;
    private readonly kicks = new Map<string, () => void>();
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
        this.facts = NO_MEETING;
        this.kicks.clear();
        this.answered = false;
    }

    /** Answers Jitsi's `passwordRequired` with the password the user entered. */
    submitJoinPassword(password: string): void {
        this.api?.executeCommand('password', password);
    }

    private get localRole(): Role {
        return (this.facts.localId && this.facts.roles.get(this.facts.localId)) || 'none';
    }

    /** One event: the portal hears that the page answers, then what the event means. */
    private handle(event: ExternalApiEvent, payload: unknown): void {
        if (!this.answered) {
            // Any event at all: the meeting page has loaded and talks to us.
            this.answered = true;
            this.dispatch(portalActions.meetingPageAnswered());
        }
        const translated = translateIFrameEvent(event, payload, this.facts);

        this.facts = translated.facts;
        if (translated.gone !== undefined) {
            this.kicks.get(translated.gone)?.();
            this.kicks.delete(translated.gone);
        }
        [...translated.policy, ...translated.portal].forEach(action => this.dispatch(action));
    }

    private require(needsModerator: boolean): ExternalApi {
        if (!this.api || !this.facts.connected) {
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

            if (!this.facts.remotes.has(participantId)) {
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
            this.facts = { ...this.facts, leftReason: 'ended' };
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
