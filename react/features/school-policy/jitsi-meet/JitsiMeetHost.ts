import { PolicyHostError, type PolicyHost, type RecordingMode } from '../host';

import {
    JITSI_ACTIONS,
    isJitsiConference,
    type IJitsiConference,
    type IJitsiMeetDeps,
    type IJitsiMeetState,
} from './types';

/**
 * The fork build's PolicyHost: commands go to the store's JitsiConference, or through jitsi-meet's
 * own thunks (leave, end for all) handed in by the registration files.
 */
export class JitsiMeetHost implements PolicyHost {
    /**
     * Creates the host.
     *
     * @param {Function} getState - The jitsi-meet store's getState.
     * @param {Function} dispatch - The jitsi-meet store's dispatch.
     * @param {IJitsiMeetDeps} deps - Jitsi-meet's own thunks.
     */
    constructor(
        private readonly getState: () => IJitsiMeetState,
        private readonly dispatch: (action: unknown) => unknown,
        private readonly deps: IJitsiMeetDeps,
    ) {}

    /**
     * Returns the conference, or fails with `notConnected` (and, if asked, `notModerator`).
     *
     * @param {boolean} needsModerator - Whether the command needs the moderator role.
     * @returns {IJitsiConference}
     */
    private conference(needsModerator: boolean): IJitsiConference {
        const conference = this.getState()['features/base/conference']?.conference;

        if (!isJitsiConference(conference)) {
            throw new PolicyHostError('notConnected');
        }
        if (needsModerator && !conference.isModerator()) {
            throw new PolicyHostError('notModerator');
        }

        return conference;
    }

    /**
     * Sets the room password (MUC room secret).
     *
     * @param {string} password - The password.
     * @returns {Promise<void>}
     */
    async lock(password: string): Promise<void> {
        try {
            const conference = this.conference(true);

            await conference.lock(password);

            // Tell jitsi-meet's own state, as its setPassword thunk would (that thunk swallows
            // errors, so the adapter calls lock itself): its security dialog then shows the room as
            // locked, with the password for the teacher to read out.
            // jitsi-meet's reducer compares `method` with `conference.lock` itself; it is not called.
            // eslint-disable-next-line @typescript-eslint/unbound-method
            this.dispatch({ type: JITSI_ACTIONS.SET_PASSWORD, conference, method: conference.lock, password });
        } catch (error) {
            if (error instanceof PolicyHostError) {
                throw error;
            }
            throw new PolicyHostError(/moderator/i.test(String(error)) ? 'notModerator' : 'rejected', String(error));
        }
    }

    /**
     * Kicks a remote participant.
     *
     * @param {string} participantId - Who.
     * @returns {Promise<void>}
     */
    async kick(participantId: string): Promise<void> {
        const conference = this.conference(true);

        if (!conference.getParticipants().some(participant => participant.getId() === participantId)) {
            throw new PolicyHostError('unknownParticipant');
        }
        conference.kickParticipant(participantId, 'school-policy');
        await Promise.resolve();
    }

    /**
     * Ends the meeting for everyone through jitsi-meet's own thunk.
     *
     * @returns {Promise<void>}
     */
    async endForAll(): Promise<void> {
        this.conference(true);
        this.dispatch(this.deps.endConference());
        await Promise.resolve();
    }

    /**
     * Leaves through jitsi-meet's own hang-up thunk.
     *
     * @returns {Promise<void>}
     */
    async leave(): Promise<void> {
        this.conference(false);
        this.dispatch(this.deps.leave());
        await Promise.resolve();
    }

    /**
     * Stops a running server recording or stream. Local recording never starts in the fork build
     * (jitsi-meet/localRecording.ts: its LocalRecordingManager refuses), so there is nothing to stop for it.
     *
     * @param {RecordingMode} mode - Which recording.
     * @returns {Promise<void>}
     */
    async stopRecording(mode: RecordingMode): Promise<void> {
        const conference = this.conference(mode !== 'local');

        if (mode === 'local') {
            return;
        }
        const sessions = this.getState()['features/recording']?.sessionDatas ?? [];
        const running = sessions.filter(session => session.mode === mode && session.status !== 'off');

        await Promise.all(
            running.flatMap(session => (session.id === undefined ? [] : [conference.stopRecording(session.id)])),
        );
    }

    /**
     * Sends a chat message to everyone.
     *
     * @param {string} text - The message.
     * @returns {Promise<void>}
     */
    async sendMessageToAll(text: string): Promise<void> {
        this.conference(false).sendTextMessage(text);
        await Promise.resolve();
    }
}
