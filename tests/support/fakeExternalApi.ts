/**
 * A `JitsiMeetExternalAPI` for the unit tests (jsdom has no frames to run the real client in). It is
 * a thin client on the one room model that the stand-in's meeting pages run on
 * (tools/jitsi-standin/rooms.ts): secure domain, the school module's refusal, locked rooms asking
 * for the password as jitsi-meet does, kicks, end for all, recordings by others. Events arrive as
 * the real client emits them (`videoConferenceJoined`, `participantJoined` …); one that is emitted
 * while another is being handled comes after it, as postMessage delivers them.
 */
import type { RecordingMode, Role } from '../../react/features/school-policy';
import { Rooms } from '../../tools/jitsi-standin/rooms';

type Listener = (payload: unknown) => void;

/** What tests read from (and set up in) the room on the server. */
export class FakeRoomView {
    constructor(
        private readonly model: Rooms,
        private readonly name: string,
    ) {}

    /** The room's password on the server. Setting it: another teacher opened the room and locked it. */
    get password(): string | null {
        return this.model.snapshot(this.name).password;
    }

    set password(value: string) {
        this.model.openedAndLocked(this.name, value);
    }

    get kicked(): string[] {
        return [...this.model.snapshot(this.name).kicked];
    }

    get chat(): string[] {
        return this.model.snapshot(this.name).chat.map(entry => entry.message);
    }

    get stopped(): RecordingMode[] {
        return [...this.model.snapshot(this.name).stopRequests];
    }

    get endedForAll(): boolean {
        return this.model.snapshot(this.name).endedForAll;
    }

    get recording(): RecordingMode | null {
        return this.model.snapshot(this.name).recording;
    }
}

/** The fake API class, installed as `window.JitsiMeetExternalAPI`. */
export class FakeExternalApi {
    static instances: FakeExternalApi[] = [];
    /** The server: one model shared by all instances. */
    static model = new Rooms();
    /** What the meeting page does when it has loaded: `answer` (as a real page), `silent`, or `throw` in the constructor. */
    static page: 'answer' | 'silent' | 'throw' = 'answer';

    /** Forget all instances and start with an empty server. */
    static reset(): void {
        FakeExternalApi.instances = [];
        FakeExternalApi.model = new Rooms();
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
    readonly model = FakeExternalApi.model;
    readonly room: FakeRoomView;
    private readonly listeners = new Map<string, Set<Listener>>();
    private memberId: string | null = null;
    private delivering = false;
    private held: [string, unknown[]][] | null = null;
    disposed = false;
    left = false;

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
        this.room = new FakeRoomView(this.model, options.roomName);
        FakeExternalApi.instances.push(this);
        options.parentNode?.appendChild(document.createElement('iframe'));
        if (FakeExternalApi.page === 'answer') {
            // The real page reports browser support as soon as it has loaded (modules/API/API.js).
            setTimeout(() => this.emit('browserSupport', { supported: true }), 0);
        }
    }

    /** Our participant id on the server (jitsi-meet's `local` before joining). */
    get localId(): string {
        return this.memberId ?? 'local';
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

    /** Emits an event to the embedder, as the meeting page would (for what the model has no part in). */
    emit(event: string, payload: unknown = {}): void {
        [...(this.listeners.get(event) ?? [])].forEach(listener => listener(payload));
    }

    /** How many listeners are registered (to see that the adapter cleans up). */
    listenerCount(): number {
        return [...this.listeners.values()].reduce((sum, set) => sum + set.size, 0);
    }

    /** Hands the model's events for us to the listeners, in order, one after the other. */
    private deliver(): void {
        if (this.delivering || !this.memberId) {
            return;
        }
        this.delivering = true;
        try {
            for (let events = this.model.take(this.memberId); events.length; events = this.model.take(this.memberId)) {
                events.forEach(({ name, payload }) => this.emit(name, payload));
            }
        } finally {
            this.delivering = false;
        }
    }

    /**
     * The user clicks "join" on the prejoin screen. By default a teacher (`role: 'moderator'`, logged
     * in: moderator) or a guest (the student, admitted by the model's rules); `as: 'teacher'` with
     * `role: 'participant'` is a teacher the server did not make moderator.
     */
    join(options: { role?: Role; as?: 'teacher' | 'guest' } = {}): void {
        const asTeacher = (options.as ?? (options.role ? 'teacher' : 'guest')) === 'teacher';
        const config = this.options.configOverwrite ?? {};

        this.memberId = this.model.join(this.options.roomName, {
            name: this.options.userInfo?.displayName ?? '',
            asTeacher,
            muted: { audio: config.startWithAudioMuted === true, video: config.startWithVideoMuted === true },
            ...(options.role ? { role: options.role } : {}),
        });
        this.model.onEvent(this.memberId, () => this.deliver());
        this.deliver();
    }

    /** The page goes away without the API being disposed first: jitsi-meet reports it left, joined or not. */
    unload(): void {
        this.emit('videoConferenceLeft', { roomName: this.options.roomName });
    }

    /**
     * jitsi-meet's page-reload overlay has counted down: the page reports `videoConferenceLeft`,
     * reloads in the same frame and answers again; the user is on the prejoin screen.
     */
    reloadPage(): void {
        this.memberId = null;
        this.unload();
        this.emit('browserSupport', { supported: true });
    }

    /** Someone else joins the room. */
    addRemote(id: string, displayName = '', role: Role = 'participant'): void {
        this.model.addSimulated(this.options.roomName, { id, name: displayName, role });
    }

    /** Someone else leaves. */
    removeRemote(id: string): void {
        this.model.removeStudent(this.options.roomName, id);
    }

    /** The server changes our role. */
    setLocalRole(role: Role): void {
        if (this.memberId) {
            this.model.setRole(this.memberId, role);
        }
    }

    /** A click on a toolbar button whose key is in buttonsWithNotifyClick (prevented). */
    clickToolbar(key: string): void {
        this.emit('toolbarButtonClicked', { key, preventExecution: true });
    }

    /** Another participant starts a recording. */
    startRecordingByOther(mode: RecordingMode): void {
        this.model.startRecording(this.options.roomName, mode);
    }

    /**
     * Commands travel (postMessage, then XMPP) while the server goes on: with `holdCommands()` they
     * wait until `deliverCommands()`, so a test can let something happen in between.
     */
    holdCommands(): void {
        this.held = [];
    }

    /** Sends the held commands, in order, and stops holding. */
    deliverCommands(): void {
        const held = this.held ?? [];

        this.held = null;
        held.forEach(([name, args]) => this.toServer(name, args));
    }

    executeCommand(name: string, ...args: unknown[]): void {
        this.commands.push([name, args]);
        if (this.held) {
            this.held.push([name, args]);

            return;
        }
        this.toServer(name, args);
    }

    private toServer(name: string, args: unknown[]): void {
        if (!this.memberId) {
            // Before joining there is no conference: jitsi-meet drops the command.
            return;
        }
        if (
            name === 'hangup' &&
            this.model.snapshot(this.options.roomName).participants.some(p => p.id === this.memberId)
        ) {
            this.left = true;
        }
        this.model.command(this.memberId, name, args);
    }

    /** The commands sent with a given name, with their arguments. */
    sent(name: string): unknown[][] {
        return this.commands.filter(([command]) => command === name).map(([, commandArgs]) => commandArgs);
    }
}

/** Installs the fake as the page's `JitsiMeetExternalAPI`, with a fresh server. */
export function installFakeExternalApi(): void {
    FakeExternalApi.reset();
    (window as unknown as { JitsiMeetExternalAPI?: unknown }).JitsiMeetExternalAPI = FakeExternalApi;
}

/** Removes it again (then loading external_api.js really has to load a script). */
export function removeFakeExternalApi(): void {
    delete (window as unknown as { JitsiMeetExternalAPI?: unknown }).JitsiMeetExternalAPI;
}
