/**
 * The one model of a Jitsi room that our tests use (its membership; rooms.ts adds the commands and the
 * control API): the stand-in's meeting pages run on it
 * (tools/jitsi-standin/server.ts) and so does the unit tests' `JitsiMeetExternalAPI` fake
 * (tests/support/fakeExternalApi.ts). It says who is in which room with which role, and which
 * IFrame API events each participant's page receives (in that participant's perspective).
 * It follows docs/jitsi-behaviour.md §4 and §9: secure domain (an authenticated teacher becomes moderator, a
 * guest who arrives first waits for the host), `password` locks only for a moderator and is dropped
 * silently otherwise, `passwordRequired` for a locked room, no lock event. With the school module
 * on (default), a guest is refused while the room has no password, as mod_school_policy does.
 *
 * A development stand-in, not a conferencing server: no media, no XMPP.
 */
import { randomUUID } from 'node:crypto';

import { electOwners } from '../jicofo-model/roleElection';

/** A string from an untrusted value, or the fallback. */
export function asText(value: unknown, fallback = ''): string {
    return typeof value === 'string' ? value : fallback;
}

/**
 * `recordingStatusChanged` as jitsi-meet sends it: `on`, `mode`, the error of a failed start, and
 * whether transcription runs (modules/API/API.js `notifyRecordingStatusChanged`, called from
 * react/features/recording/middleware.ts on start, stop and failure).
 */
export function recordingStatus(on: boolean, mode: RecordingMode, error?: string): Record<string, unknown> {
    return { on, mode, ...(error === undefined ? {} : { error }), transcription: false };
}

/** How often a guest waiting for the host asks again (jitsi-meet `waitForOwner`: 5000 ms). */
export const WAIT_FOR_OWNER_MS = 5000;

/** A role as Jitsi reports it. */
export type Role = 'moderator' | 'participant' | 'none';
/** A recording mode. */
export type RecordingMode = 'local' | 'file' | 'stream';

/** An IFrame API event as the embedding page will receive it. */
export interface ApiEvent {
    readonly name: string;
    readonly payload: Record<string, unknown>;
}

export type Kind = 'teacher' | 'guest' | 'simulated';
export type State = 'waiting' | 'needsPassword' | 'joined' | 'gone';

export interface Member {
    readonly id: string;
    readonly room: string;
    readonly kind: Kind;
    name: string;
    role: Role;
    state: State;
    /** Whether camera and microphone started off (from the page's configOverwrite). */
    readonly muted: { readonly audio: boolean; readonly video: boolean };
    readonly outbox: ApiEvent[];
    wake?: () => void;
}

export interface Room {
    readonly name: string;
    password: string | null;
    /** Who was removed by a moderator, in order (what the server did, for tests). */
    readonly kicked: string[];
    /** Recording stops a participant asked for and was allowed to ask for. */
    readonly stopRequests: RecordingMode[];
    /** Whether a moderator ended the meeting for everyone. */
    endedForAll: boolean;
    recording: RecordingMode | null;
    /** When the last recording started and stopped (ms since epoch), to time the policy's reaction. */
    recordingTimes: { started: number; stopped: number | null } | null;
    readonly chat: { from: string; message: string }[];
    readonly members: Map<string, Member>;
    /**
     * Jicofo has opened the room for an authenticated teacher's conference request, before her own
     * join (FocusManager.conferenceRequest, then her MUC join): waiting guests who ask now get in.
     */
    opened: boolean;
}

/** A snapshot of a room, for the control API and tests. */
export interface RoomSnapshot {
    readonly name: string;
    readonly password: string | null;
    readonly recording: RecordingMode | null;
    readonly recordingTimes: { readonly started: number; readonly stopped: number | null } | null;
    readonly chat: readonly { from: string; message: string }[];
    readonly kicked: readonly string[];
    readonly stopRequests: readonly RecordingMode[];
    readonly endedForAll: boolean;
    readonly participants: readonly {
        id: string;
        name: string;
        role: Role;
        kind: Kind;
        state: State;
        muted: { readonly audio: boolean; readonly video: boolean };
    }[];
}

/**
 * The rooms' membership as Jitsi's server side decides it: who joins, waits for the host, is asked
 * for the password or refused, who is elected moderator, and which events each page receives.
 * The IFrame API's commands and the tests' control API are in rooms.ts.
 */
export class RoomModel {
    protected readonly rooms = new Map<string, Room>();
    protected readonly members = new Map<string, Member>();
    /** Whether a guest is refused while the room has no password (mod_school_policy). */
    schoolModule = true;
    /**
     * A secure domain (teachers log in, guests wait for the host) or, when false, a stock deployment
     * without one: everybody joins as a guest and Jicofo elects the moderator (roleElection.ts); the
     * school module has nothing to go by there and is not consulted.
     */
    secureDomain = true;
    /** AutoOwnerRoleManager's elected owner per room (open deployments only). */
    protected readonly elected = new Map<string, string | undefined>();

    protected room(name: string): Room {
        let room = this.rooms.get(name);

        if (!room) {
            room = {
                name,
                password: null,
                kicked: [],
                stopRequests: [],
                endedForAll: false,
                recording: null,
                recordingTimes: null,
                chat: [],
                members: new Map(),
                opened: false,
            };
            this.rooms.set(name, room);
        }

        return room;
    }

    protected send(member: Member, name: string, payload: Record<string, unknown> = {}): void {
        if (member.kind === 'simulated' || member.state === 'gone') {
            return;
        }
        member.outbox.push({ name, payload });
        member.wake?.();
    }

    protected joinedIn(room: Room): Member[] {
        return [...room.members.values()].filter(member => member.state === 'joined');
    }

    protected broadcast(room: Room, except: Member | null, name: string, payload: Record<string, unknown>): void {
        this.joinedIn(room)
            .filter(member => member !== except)
            .forEach(member => this.send(member, name, payload));
    }

    protected completeJoin(member: Member): void {
        const room = this.room(member.room);

        member.state = 'joined';
        this.send(member, 'videoConferenceJoined', {
            roomName: room.name,
            id: member.id,
            displayName: member.name,
            avatarURL: '',
            breakoutRoom: false,
            visitor: false,
        });
        for (const other of this.joinedIn(room)) {
            if (other !== member) {
                this.send(member, 'participantJoined', { id: other.id, displayName: other.name });
                if (other.role === 'moderator') {
                    this.send(member, 'participantRoleChanged', { id: other.id, role: 'moderator' });
                }
            }
        }
        this.send(member, 'participantRoleChanged', { id: member.id, role: member.role });
        this.broadcast(room, member, 'participantJoined', { id: member.id, displayName: member.name });
        if (member.role === 'moderator') {
            this.broadcast(room, member, 'participantRoleChanged', { id: member.id, role: 'moderator' });
        }
        if (room.recording) {
            this.send(member, 'recordingStatusChanged', recordingStatus(true, room.recording));
        }
        this.electModerator(room);
    }

    /** Without a secure domain Jicofo keeps one moderator: the first member, then the next (roleElection.ts). */
    protected electModerator(room: Room): void {
        if (this.secureDomain) {
            return;
        }
        const { grant, elected } = electOwners(
            this.joinedIn(room).map(m => ({ id: m.id, owner: m.role === 'moderator', authenticated: false })),
            { authentication: false, elected: this.elected.get(room.name) },
        );

        this.elected.set(room.name, elected);
        grant.forEach(id => this.setRole(id, 'moderator'));
    }

    /** Lets a guest in, or not yet; `arriving` for the guest's own join (not a re-check). */
    protected admitGuest(member: Member, arriving = false): void {
        const room = this.room(member.room);
        // The room exists once Jicofo has opened it for an authenticated teacher (a simulated one
        // counts), which happens before her own join.
        const hostPresent =
            room.opened || this.joinedIn(room).some(m => m.kind === 'teacher' || m.role === 'moderator');

        if (!hostPresent) {
            // Secure domain before the host: Jicofo answers "not authorized", jitsi-meet reports it and
            // waits, asking again by itself (react/features/authentication; docs/jitsi-behaviour.md §9).
            if (arriving) {
                this.send(member, 'errorOccurred', {
                    error: { name: 'conference.authenticationRequired', isFatal: false, recoverable: true },
                });
            }
            member.state = 'waiting';
        } else if (room.password !== null) {
            member.state = 'needsPassword';
            this.askForPassword(member);
        } else if (this.schoolModule) {
            // mod_school_policy refuses with not-allowed and a reason, but lib-jitsi-meet reports a
            // refused join to a guest as a bare connection error, the reason dropped (seen with
            // jitsi-meet abf901a4 and lib-jitsi-meet cf3a8710 against Prosody).
            this.send(member, 'errorOccurred', { error: { name: 'conference.connectionError', params: [] } });
            this.remove(member);
        } else {
            this.completeJoin(member);
        }
    }

    /**
     * A locked room, as jitsi-meet reports it to the embedder: the error first
     * (react/features/overlay/middleware.ts), then the request (react/features/external-api/middleware.ts);
     * both again after a wrong password. Checked against the real meeting page in
     * tests/e2e/portalOnJitsiMeet.test.ts.
     */
    protected askForPassword(member: Member): void {
        this.send(member, 'errorOccurred', {
            error: { name: 'conference.passwordRequired', isFatal: false, recoverable: true, type: 'CONFIG' },
        });
        this.send(member, 'passwordRequired', {});
    }

    protected remove(member: Member): void {
        const room = this.room(member.room);
        const wasJoined = member.state === 'joined';

        member.state = 'gone';
        room.members.delete(member.id);
        if (wasJoined) {
            this.broadcast(room, null, 'participantLeft', { id: member.id });
            this.electModerator(room);
        }
        // JitsiMeetConferenceImpl.maybeStop: the last member left, Jicofo stops the conference.
        if (this.joinedIn(room).length === 0) {
            room.opened = false;
        }
    }

    /**
     * A page joins (after its prejoin screen). Returns the participant id. `role` is the role the
     * server grants when it is not the usual one (an authenticated teacher is moderator, a guest is not).
     */
    join(
        roomName: string,
        options: {
            name: string;
            asTeacher: boolean;
            muted?: { audio: boolean; video: boolean };
            id?: string;
            role?: Role;
        },
    ): string {
        const room = this.room(roomName);
        const member: Member = {
            id: options.id ?? randomUUID().slice(0, 8),
            room: roomName,
            kind: options.asTeacher ? 'teacher' : 'guest',
            name: options.name,
            role: options.role ?? (options.asTeacher ? 'moderator' : 'participant'),
            state: 'waiting',
            muted: options.muted ?? { audio: false, video: false },
            outbox: [],
        };

        room.members.set(member.id, member);
        this.members.set(member.id, member);
        if (!this.secureDomain) {
            // Nobody logs in: Prosody checks the password, Jicofo elects the moderator.
            member.role = options.role ?? 'participant';
            if (room.password !== null) {
                member.state = 'needsPassword';
                this.askForPassword(member);
            } else {
                this.completeJoin(member);
            }
        } else if (member.kind === 'teacher') {
            // Jicofo opened the room for her conference request; Prosody checks the password for
            // every joiner, moderators included.
            room.opened = true;
            if (room.password !== null) {
                member.state = 'needsPassword';
                this.askForPassword(member);
            } else {
                this.completeJoin(member);
            }
        } else {
            this.admitGuest(member, true);
        }

        return member.id;
    }

    /** Takes the events waiting for a participant. */
    take(id: string): ApiEvent[] {
        const member = this.members.get(id);

        return member ? member.outbox.splice(0) : [];
    }

    /** Registers a wake-up for new events (one at a time). */
    onEvent(id: string, wake: (() => void) | undefined): void {
        const member = this.members.get(id);

        if (member) {
            member.wake = wake;
        }
    }

    /** Whether a participant is still known (its page may keep listening). */
    known(id: string): boolean {
        return this.members.has(id);
    }

    /** The server gives a participant another role. */
    setRole(id: string, role: Role): void {
        const member = this.members.get(id);

        if (member && member.state === 'joined' && member.role !== role) {
            member.role = role;
            this.broadcast(this.room(member.room), null, 'participantRoleChanged', { id, role });
        }
    }
}
