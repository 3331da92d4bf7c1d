/**
 * The stand-in's rooms: the membership model (roomModel.ts) with what pages and tests do to it —
 * the IFrame API's commands as a participant's page sends them (password, kick, end for all,
 * recordings, chat), and the control API the tests and the stand-in's server use.
 */
import { randomUUID } from 'node:crypto';

import {
    RoomModel,
    asText,
    recordingStatus,
    type Member,
    type RecordingMode,
    type Role,
    type RoomSnapshot,
} from './roomModel';

export {
    WAIT_FOR_OWNER_MS,
    asText,
    type ApiEvent,
    type RecordingMode,
    type Role,
    type RoomSnapshot,
} from './roomModel';

/** All rooms of the stand-in. */
export class Rooms extends RoomModel {
    /** An IFrame API command from a participant's page. */
    command(id: string, name: string, args: readonly unknown[]): void {
        const member = this.members.get(id);

        if (!member || member.state === 'gone') {
            return;
        }
        const room = this.room(member.room);
        const moderator = member.state === 'joined' && member.role === 'moderator';

        switch (name) {
            case 'password': {
                const password = asText(args[0]);

                if (member.state === 'needsPassword') {
                    if (password === room.password) {
                        this.completeJoin(member);
                    } else {
                        this.askForPassword(member);
                    }
                } else if (moderator) {
                    room.password = password === '' ? null : password;
                }
                // Otherwise: an error notification inside the app, nothing for the embedder.
                break;
            }
            case 'kickParticipant': {
                const target = room.members.get(asText(args[0]));

                if (moderator && target && target.state === 'joined') {
                    const kicked = { id: target.id, name: target.name };

                    this.send(target, 'participantKickedOut', {
                        kicked: { ...kicked, local: true },
                        kicker: { id: member.id, name: member.name },
                    });
                    target.state = 'gone';
                    room.members.delete(target.id);
                    room.kicked.push(target.id);
                    this.broadcast(room, null, 'participantKickedOut', {
                        kicked: { ...kicked, local: false },
                        kicker: { id: member.id, name: member.name },
                    });
                    this.broadcast(room, null, 'participantLeft', { id: target.id });
                    this.electModerator(room);
                }
                break;
            }
            case 'endConference':
                if (moderator) {
                    room.endedForAll = true;
                    this.elected.delete(room.name);
                    for (const other of [...room.members.values()]) {
                        this.send(other, 'videoConferenceLeft', { roomName: room.name });
                        other.state = 'gone';
                    }
                    // Prosody destroys the room; a later joiner finds a new one (only the record stays).
                    room.members.clear();
                    room.password = null;
                    room.recording = null;
                }
                break;
            case 'hangup':
                this.send(member, 'videoConferenceLeft', { roomName: room.name });
                this.send(member, 'readyToClose', {});
                this.remove(member);
                break;
            case 'stopRecording': {
                const mode = args[0] as RecordingMode;

                if (moderator || mode === 'local') {
                    room.stopRequests.push(mode);
                }
                if (room.recording === mode && (moderator || mode === 'local')) {
                    room.recording = null;
                    if (room.recordingTimes) {
                        room.recordingTimes = { ...room.recordingTimes, stopped: Date.now() };
                    }
                    this.broadcast(room, null, 'recordingStatusChanged', recordingStatus(false, mode));
                }
                break;
            }
            case 'sendChatMessage':
                room.chat.push({ from: member.name, message: asText(args[0]) });
                break;
        }
    }

    /** The page's `getRoomsInfo()`: participants with roles. */
    roomsInfo(id: string): {
        rooms: { isMainRoom: boolean; id: string; participants: { id: string; displayName: string; role: Role }[] }[];
    } {
        const member = this.members.get(id);
        const room = member ? this.rooms.get(member.room) : undefined;

        return {
            rooms: room
                ? [
                      {
                          isMainRoom: true,
                          id: room.name,
                          participants: this.joinedIn(room).map(m => ({ id: m.id, displayName: m.name, role: m.role })),
                      },
                  ]
                : [],
        };
    }

    // --- The control API for tests ---

    /** Puts a simulated participant straight into the room (it never goes through a page). */
    addSimulated(roomName: string, options: { name: string; role?: Role; id?: string }): string {
        const room = this.room(roomName);
        const member: Member = {
            id: options.id ?? `sim-${randomUUID().slice(0, 6)}`,
            room: roomName,
            kind: 'simulated',
            name: options.name,
            role: options.role ?? 'participant',
            state: 'joined',
            muted: { audio: true, video: true },
            outbox: [],
        };

        room.members.set(member.id, member);
        this.members.set(member.id, member);
        this.broadcast(room, member, 'participantJoined', { id: member.id, displayName: member.name });
        if (member.role === 'moderator') {
            this.broadcast(room, member, 'participantRoleChanged', { id: member.id, role: 'moderator' });
        }
        this.electModerator(room);

        return member.id;
    }

    /** Puts simulated students straight into the room. */
    addStudents(roomName: string, names: readonly string[]): string[] {
        return names.map(name => this.addSimulated(roomName, { name }));
    }

    /**
     * Another teacher has opened the room and locked it with this password (a simulated moderator,
     * who stays). Guests who waited for the host are asked for the password.
     */
    openedAndLocked(roomName: string, password: string): string {
        const room = this.room(roomName);
        const id = this.addSimulated(roomName, { name: 'Lehrkraft', role: 'moderator' });

        room.password = password;
        this.retryWaiting(roomName);

        return id;
    }

    /**
     * The waiting pages ask again: jitsi-meet's wait-for-owner timer, every
     * {@link WAIT_FOR_OWNER_MS} (react/features/authentication/actions.any.ts `waitForOwner`).
     * The stand-in's server runs it on that timer; without a room name, for every room.
     */
    retryWaiting(roomName?: string): void {
        const rooms = roomName === undefined ? [...this.rooms.values()] : [this.room(roomName)];

        for (const room of rooms) {
            [...room.members.values()].filter(m => m.state === 'waiting').forEach(m => this.admitGuest(m));
        }
    }

    /** A simulated moderator removes a participant. */
    kickedBy(moderatorId: string, targetId: string): void {
        this.command(moderatorId, 'kickParticipant', [targetId]);
    }

    /** A simulated student leaves. */
    removeStudent(roomName: string, id: string): void {
        const member = this.room(roomName).members.get(id);

        if (member) {
            this.remove(member);
        }
    }

    /** Someone else starts a recording. */
    startRecording(roomName: string, mode: RecordingMode): void {
        const room = this.room(roomName);

        room.recording = mode;
        room.recordingTimes = { started: Date.now(), stopped: null };
        this.broadcast(room, null, 'recordingStatusChanged', recordingStatus(true, mode));
    }

    /** Someone else's recording failed to start: everybody's page reports it (recording/middleware.ts). */
    recordingFailed(roomName: string, mode: RecordingMode, error: string): void {
        this.broadcast(this.room(roomName), null, 'recordingStatusChanged', recordingStatus(false, mode, error));
    }

    /** The server takes the moderator role from every teacher in the room. */
    demoteTeachers(roomName: string): void {
        const room = this.room(roomName);

        for (const member of this.joinedIn(room).filter(m => m.role === 'moderator' && m.kind === 'teacher')) {
            this.setRole(member.id, 'participant');
        }
    }

    /**
     * Every real page in the room loses its connection: a fatal connection error as jitsi-meet reports
     * it (react/features/overlay/middleware.ts: `type: 'CONNECTION'`, fatal by
     * base/lib-jitsi-meet/functions.any.ts); the server sees them leave. What the page does next
     * (reload itself) is the page's part.
     */
    dropConnections(roomName: string): void {
        const room = this.room(roomName);

        for (const member of [...room.members.values()].filter(m => m.kind !== 'simulated')) {
            this.send(member, 'errorOccurred', {
                error: {
                    name: 'connection.droppedError',
                    message: 'Connection dropped',
                    isFatal: true,
                    type: 'CONNECTION',
                },
            });
            this.remove(member);
        }
    }

    /**
     * Jicofo opens a room for a teacher's conference request; her own join follows. A waiting guest
     * whose retry comes in between is let in first (on a server without mod_school_policy).
     */
    openedForTeacher(roomName: string): void {
        this.room(roomName).opened = true;
    }

    /** A room's state. */
    snapshot(roomName: string): RoomSnapshot {
        const room = this.room(roomName);

        return {
            name: room.name,
            password: room.password,
            recording: room.recording,
            recordingTimes: room.recordingTimes,
            chat: [...room.chat],
            kicked: [...room.kicked],
            stopRequests: [...room.stopRequests],
            endedForAll: room.endedForAll,
            participants: [...room.members.values()].map(({ id, name, role, kind, state, muted }) => ({
                id,
                name,
                role,
                kind,
                state,
                muted,
            })),
        };
    }

    /** Forget everything (between tests). */
    reset(): void {
        this.rooms.clear();
        this.members.clear();
        this.elected.clear();
        this.schoolModule = true;
        this.secureDomain = true;
    }
}
