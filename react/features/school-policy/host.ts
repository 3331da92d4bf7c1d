/**
 * The `PolicyHost` port: everything the policy core may ask of the world around it. The portal
 * implements it over the IFrame API, the fork build over jitsi-meet's store and its
 * `JitsiConference`. The listeners receive it as `extra` and never talk to a host any other way.
 *
 * The contract every implementation keeps (checked by `tests/contract/policyHostContract.ts`):
 * - every command returns a promise that settles in bounded time: it resolves once the host has
 *   accepted the command, and rejects with a {@link PolicyHostError} when it cannot;
 * - a command that needs the moderator role rejects with `notModerator` when the local participant
 *   is known not to be one (the IFrame API would otherwise drop it silently);
 * - no command is sent before the local participant has joined (`notConnected`).
 */

/** A participant's role as Jitsi reports it. */
export type Role = 'moderator' | 'participant' | 'none';

/** The kinds of recording Jitsi knows: in the browser, on the server (Jibri), or a live stream. */
export type RecordingMode = 'local' | 'file' | 'stream';

/** Why a host refused or failed a command. */
export type PolicyHostErrorCode = 'notConnected' | 'notModerator' | 'unknownParticipant' | 'rejected' | 'timeout';

/** The one error type a host rejects with, so the core can tell the reasons apart. */
export class PolicyHostError extends Error {
    readonly code: PolicyHostErrorCode;

    constructor(code: PolicyHostErrorCode, message?: string) {
        super(message ?? code);
        this.name = 'PolicyHostError';
        this.code = code;
    }
}

/** Tells a host error from anything else a buggy host might throw. */
export function hostErrorCode(error: unknown): PolicyHostErrorCode {
    return error instanceof PolicyHostError ? error.code : 'rejected';
}

/** The port. All commands are asynchronous; see the contract above. */
export interface PolicyHost {
    /** Sets (or replaces) the room password. Moderator only. */
    lock(password: string): Promise<void>;
    /** Removes one remote participant from the meeting. Moderator only. */
    kick(participantId: string): Promise<void>;
    /** Ends the meeting for everyone, the local participant included. Moderator only. */
    endForAll(): Promise<void>;
    /** Leaves the meeting (the others stay). */
    leave(): Promise<void>;
    /** Stops a running recording or stream of the given mode. */
    stopRecording(mode: RecordingMode): Promise<void>;
    /** Sends a chat message that every participant sees. */
    sendMessageToAll(text: string): Promise<void>;
}
