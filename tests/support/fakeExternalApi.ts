/**
 * A fake `JitsiMeetExternalAPI` with Jitsi's semantics as docs/jitsi-behaviour.md §4 describes them: the same
 * event names and payloads, no lock-state event, `password` that locks only for a moderator and is
 * silently dropped otherwise, a locked room reported as jitsi-meet reports it (`errorOccurred` with
 * `conference.passwordRequired`, then `passwordRequired`; both again after a wrong password),
 * kicks, end for all, and recordings started by someone else. One `FakeJitsiRoom` is shared by all
 * instances, like a server.
 */
import type { RecordingMode, Role } from '../../react/features/school-policy';

type Listener = (payload: unknown) => void;

/** The server side of the fake: the room and what happened in it. */
export class FakeJitsiRoom {
    password: string | null = null;
    readonly remotes = new Map<string, { id: string; displayName: string; role: Role }>();
    readonly kicked: string[] = [];
    readonly chat: string[] = [];
    readonly stopped: RecordingMode[] = [];
    endedForAll = false;
    recording: RecordingMode | null = null;
}

/** The fake API class, installed as `window.JitsiMeetExternalAPI`. */
export class FakeExternalApi {
    static instances: FakeExternalApi[] = [];
    static room = new FakeJitsiRoom();
    /** What the meeting page does when it has loaded: `answer` (as a real page), `silent`, or `throw` in the constructor. */
    static page: 'answer' | 'silent' | 'throw' = 'answer';

    /** Forget all instances and start with an empty room. */
    static reset(): void {
        FakeExternalApi.instances = [];
        FakeExternalApi.room = new FakeJitsiRoom();
        FakeExternalApi.page = 'answer';
    }

    /** The newest instance. */
    static latest(): FakeExternalApi {
        const latest = FakeExternalApi.instances.at(-1);

        if (!latest) {
            throw new Error('no JitsiMeetExternalAPI was created');
        }

        return latest;
    }

    readonly commands: [string, unknown[]][] = [];
    readonly room = FakeExternalApi.room;
    private readonly listeners = new Map<string, Set<Listener>>();
    disposed = false;
    left = false;
    localId = 'local-1';
    localRole: Role = 'none';
    private awaitingPassword = false;
    private joined = false;

    constructor(
        readonly domain: string,
        readonly options: {
            roomName: string;
            configOverwrite?: Record<string, unknown>;
            userInfo?: { displayName: string; email: string };
            parentNode?: HTMLElement;
        },
    ) {
        if (FakeExternalApi.page === 'throw') {
            throw new Error('external_api.js: cannot create the meeting');
        }
        FakeExternalApi.instances.push(this);
        options.parentNode?.appendChild(document.createElement('iframe'));
        if (FakeExternalApi.page === 'answer') {
            // The real page reports browser support as soon as it has loaded (modules/API/API.js).
            setTimeout(() => this.emit('browserSupport', { supported: true }), 0);
        }
    }

    addListener(event: string, listener: Listener): void {
        const set = this.listeners.get(event) ?? new Set();

        set.add(listener);
        this.listeners.set(event, set);
    }

    on(event: string, listener: Listener): void {
        this.addListener(event, listener);
    }

    removeListener(event: string, listener: Listener): void {
        this.listeners.get(event)?.delete(listener);
    }

    dispose(): void {
        this.disposed = true;
        this.listeners.clear();
    }

    /** Emits an event to the embedder. */
    emit(event: string, payload: unknown = {}): void {
        [...(this.listeners.get(event) ?? [])].forEach(listener => listener(payload));
    }

    /** How many listeners are registered (to see that the adapter cleans up). */
    listenerCount(): number {
        return [...this.listeners.values()].reduce((sum, set) => sum + set.size, 0);
    }

    /**
     * A locked room, as jitsi-meet reports it to the embedder: the error first
     * (react/features/overlay/middleware.ts), then the request (react/features/external-api/middleware.ts).
     * Checked against the real meeting page in tests/e2e/portalOnStockJitsi.test.ts.
     */
    private askForPassword(): void {
        this.emit('errorOccurred', {
            error: { name: 'conference.passwordRequired', isFatal: false, recoverable: true, type: 'CONFIG' },
        });
        this.emit('passwordRequired', {});
    }

    /** The user (or Jitsi's prejoin) joins: a locked room asks for the password first. */
    join(options: { role?: Role; id?: string } = {}): void {
        this.localId = options.id ?? this.localId;
        this.localRole = options.role ?? 'participant';
        if (this.room.password !== null) {
            this.awaitingPassword = true;
            this.askForPassword();

            return;
        }
        this.completeJoin();
    }

    private completeJoin(): void {
        this.joined = true;
        this.emit('videoConferenceJoined', {
            roomName: this.options.roomName,
            id: this.localId,
            displayName: this.options.userInfo?.displayName ?? '',
            avatarURL: '',
            breakoutRoom: false,
            visitor: false,
        });
        for (const remote of this.room.remotes.values()) {
            this.emit('participantJoined', { id: remote.id, displayName: remote.displayName });
        }
        this.emit('participantRoleChanged', { id: this.localId, role: this.localRole });
    }

    /** Someone else joins the room. */
    addRemote(id: string, displayName = '', role: Role = 'participant'): void {
        this.room.remotes.set(id, { id, displayName, role });
        if (this.joined) {
            this.emit('participantJoined', { id, displayName });
            if (role === 'moderator') {
                this.emit('participantRoleChanged', { id, role });
            }
        }
    }

    /** Someone else leaves. */
    removeRemote(id: string): void {
        if (this.room.remotes.delete(id)) {
            this.emit('participantLeft', { id });
        }
    }

    /** The server changes our role. */
    setLocalRole(role: Role): void {
        this.localRole = role;
        this.emit('participantRoleChanged', { id: this.localId, role });
    }

    /** A click on a toolbar button whose key is in buttonsWithNotifyClick (prevented). */
    clickToolbar(key: string): void {
        this.emit('toolbarButtonClicked', { key, preventExecution: true });
    }

    /** Another participant starts a recording. */
    startRecordingByOther(mode: RecordingMode): void {
        this.room.recording = mode;
        this.emit('recordingStatusChanged', { on: true, mode });
    }

    executeCommand(name: string, ...args: unknown[]): void {
        this.commands.push([name, args]);
        const moderator = this.localRole === 'moderator';

        switch (name) {
            case 'password': {
                const password = String(args[0]);

                if (this.awaitingPassword) {
                    if (password === this.room.password) {
                        this.awaitingPassword = false;
                        this.completeJoin();
                    } else {
                        this.askForPassword();
                    }
                } else if (this.joined && moderator) {
                    this.room.password = password === '' ? null : password;
                }
                // As a non-moderator: an error inside the app, nothing for the embedder.
                break;
            }
            case 'kickParticipant': {
                const id = String(args[0]);

                if (this.joined && moderator && this.room.remotes.delete(id)) {
                    this.room.kicked.push(id);
                    this.emit('participantKickedOut', {
                        kicked: { id, name: '', local: false },
                        kicker: { id: this.localId, name: '' },
                    });
                    this.emit('participantLeft', { id });
                }
                break;
            }
            case 'endConference':
                if (this.joined && moderator) {
                    this.room.endedForAll = true;
                    this.room.remotes.clear();
                    this.joined = false;
                    this.emit('videoConferenceLeft', { roomName: this.options.roomName });
                }
                break;
            case 'hangup':
                if (this.joined) {
                    this.joined = false;
                    this.left = true;
                    this.emit('videoConferenceLeft', { roomName: this.options.roomName });
                }
                break;
            case 'stopRecording': {
                const mode = args[0] as RecordingMode;

                this.room.stopped.push(mode);
                if (this.room.recording === mode) {
                    this.room.recording = null;
                    this.emit('recordingStatusChanged', { on: false, mode });
                }
                break;
            }
            case 'sendChatMessage':
                this.room.chat.push(String(args[0]));
                break;
        }
    }

    /** The commands sent with a given name, with their arguments. */
    sent(name: string): unknown[][] {
        return this.commands.filter(([command]) => command === name).map(([, commandArgs]) => commandArgs);
    }
}

/** Installs the fake as the page's `JitsiMeetExternalAPI`, with a fresh room. */
export function installFakeExternalApi(): void {
    FakeExternalApi.reset();
    (window as unknown as { JitsiMeetExternalAPI?: unknown }).JitsiMeetExternalAPI = FakeExternalApi;
}

/** Removes it again (then loading external_api.js really has to load a script). */
export function removeFakeExternalApi(): void {
    delete (window as unknown as { JitsiMeetExternalAPI?: unknown }).JitsiMeetExternalAPI;
}
