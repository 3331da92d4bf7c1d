/**
 * The stand-in's meeting page, inside the iframe that jitsi-meet's real `external_api.js` creates.
 * It speaks jitsi-meet's real IFrame API transport (`modules/transport`, bundled from the SDK
 * package) and reads its URL with jitsi-meet's own `parseURLParams`, so the embedder's client cannot
 * tell it from jitsi-meet's `modules/API/API.js` for the events and commands listed below. It shows a
 * prejoin screen (join as a guest, or log in as the teacher: the stand-in's secure domain), forwards
 * the model's events (tools/jitsi-standin/rooms.ts) and runs the embedder's commands. No media.
 */
import { API_ID } from 'jitsi-sdk/modules/API/constants';
import { getJitsiMeetTransport, type MeetingTransport } from 'jitsi-sdk/modules/transport';
import { parseURLParams } from 'jitsi-sdk/react/features/base/util/parseURLParams';

interface ModelEvent {
    name: string;
    payload: Record<string, unknown>;
}

type NotifyEntry = string | { key: string; preventExecution?: boolean };

/** The model's event names (as the embedder sees them) on the wire, as modules/API/API.js sends them. */
const WIRE_EVENT: Readonly<Record<string, string>> = {
    errorOccurred: 'error-occurred',
    participantJoined: 'participant-joined',
    participantKickedOut: 'participant-kicked-out',
    participantLeft: 'participant-left',
    participantRoleChanged: 'participant-role-changed',
    passwordRequired: 'password-required',
    readyToClose: 'video-ready-to-close',
    recordingStatusChanged: 'recording-status-changed',
    videoConferenceJoined: 'video-conference-joined',
    videoConferenceLeft: 'video-conference-left',
};

/** The commands on the wire (modules/API/API.js `initCommands`) and the model's names for them. */
const MODEL_COMMAND: Readonly<Record<string, string>> = {
    password: 'password',
    'kick-participant': 'kickParticipant',
    'end-conference': 'endConference',
    'video-hangup': 'hangup',
    'stop-recording': 'stopRecording',
    'send-chat-message': 'sendChatMessage',
};

/** How long the page-reload overlay counts down here (jitsi-meet: 10 + randomInt(0, 20) seconds). */
const RELOAD_SECONDS = 2;

(() => {
    const room = decodeURIComponent(window.location.pathname.slice(1));
    // As jitsi-meet reads its URL: `config.*` and `userInfo.*` from the hash, values as JSON
    // (react/features/base/util/parseURLParams.ts, base/config/functions.any.ts).
    const params = parseURLParams(window.location);
    const config = {
        startWithAudioMuted: params['config.startWithAudioMuted'] === true,
        startWithVideoMuted: params['config.startWithVideoMuted'] === true,
        disableBeforeUnloadHandlers: params['config.disableBeforeUnloadHandlers'] === true,
        buttonsWithNotifyClick: Array.isArray(params['config.buttonsWithNotifyClick'])
            ? (params['config.buttonsWithNotifyClick'] as NotifyEntry[])
            : [],
    };
    const displayName = typeof params['userInfo.displayName'] === 'string' ? params['userInfo.displayName'] : '';
    // The IFrame API is on only inside an embedding (modules/API/API.js `shouldBeEnabled`).
    const transport: MeetingTransport | null = typeof API_ID === 'number' ? getJitsiMeetTransport() : null;
    const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
    let participantId: string | null = null;
    let role = 'none';
    let events: EventSource | null = null;
    const others = new Map<string, string>();
    const commandQueue: [string, unknown[]][] = [];
    const notifyKeys = new Set(
        config.buttonsWithNotifyClick
            .filter(entry => typeof entry === 'string' || entry.preventExecution !== false)
            .map(entry => (typeof entry === 'string' ? entry : entry.key)),
    );

    function sendEvent(name: string, payload: Record<string, unknown> = {}): void {
        transport?.sendEvent({ name, ...payload });
    }

    function status(text: string): void {
        $('status').textContent = text;
    }

    function render(): void {
        $('participants').replaceChildren(
            ...[...others.entries()].map(([id, name]) => {
                const item = document.createElement('li');

                item.textContent = name || `(${id})`;

                return item;
            }),
        );
        $('toolbar').hidden = participantId === null || role === 'gone';
        $('moderator-tools').hidden = role !== 'moderator';
    }

    async function send(name: string, args: unknown[]): Promise<void> {
        if (!participantId) {
            commandQueue.push([name, args]);

            return;
        }
        await fetch('/_meet/command', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ id: participantId, name, args }),
        });
    }

    /** What the page itself shows for a model event (jitsi-meet's own UI, much reduced). */
    function show(name: string, payload: Record<string, unknown>): void {
        switch (name) {
            case 'videoConferenceJoined':
                $('prejoin').hidden = true;
                status(`Im Meeting ${room}`);
                break;
            case 'participantJoined':
                others.set(String(payload.id), typeof payload.displayName === 'string' ? payload.displayName : '');
                break;
            case 'participantLeft':
                others.delete(String(payload.id));
                break;
            case 'participantRoleChanged':
                if (payload.id === participantId) {
                    role = String(payload.role);
                }
                break;
            case 'passwordRequired':
                status('Dieser Raum ist mit einem Passwort geschützt.');
                break;
            case 'recordingStatusChanged':
                $('recording').hidden = payload.on !== true;
                break;
            case 'participantKickedOut':
                if ((payload.kicked as { local?: boolean } | undefined)?.local) {
                    status('Sie wurden aus dem Meeting entfernt.');
                    role = 'gone';
                }
                break;
            case 'videoConferenceLeft':
                status('Sie haben das Meeting verlassen.');
                role = 'gone';
                events?.close();
                break;
            case 'errorOccurred': {
                const error = (payload.error ?? {}) as { name?: string; message?: string; isFatal?: boolean };

                // A locked room is reported as an error just before the password request; the
                // request's own status line says it.
                if (error.name !== 'conference.passwordRequired') {
                    status(String(error.message ?? 'Fehler'));
                }
                if (error.isFatal === true && error.name?.startsWith('connection.')) {
                    reloadSoon();
                }
                break;
            }
        }
        render();
    }

    /**
     * A fatal connection error: jitsi-meet's page-reload overlay counts down and reloads the page with
     * the same URL, reporting `videoConferenceLeft` first and disposing the API so that its unload
     * handler does not report it twice (react/features/overlay/components/web/AbstractPageReloadOverlay.tsx,
     * react/features/app/actions.web.ts `reloadNow`). jitsi-meet waits 10–30 s; the stand-in waits
     * {@link RELOAD_SECONDS} so that tests stay short.
     */
    function reloadSoon(): void {
        events?.close();
        status(`Die Verbindung ist unterbrochen. Die Seite wird in ${RELOAD_SECONDS} Sekunden neu geladen.`);
        window.setTimeout(() => {
            sendEvent('video-conference-left', { roomName: room });
            transport?.dispose();
            window.location.reload();
        }, RELOAD_SECONDS * 1000);
    }

    function onModelEvent({ name, payload }: ModelEvent): void {
        show(name, payload);
        const wire = WIRE_EVENT[name];

        if (wire) {
            sendEvent(wire, payload);
        }
    }

    async function join(asTeacher: boolean): Promise<void> {
        $<HTMLButtonElement>('join').disabled = true;
        $<HTMLButtonElement>('join-teacher').disabled = true;
        const response = await fetch('/_meet/join', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({
                room,
                name: $<HTMLInputElement>('name').value,
                asTeacher,
                startMuted: { audio: config.startWithAudioMuted, video: config.startWithVideoMuted },
            }),
        });
        const { id } = (await response.json()) as { id: string };

        participantId = id;
        status(asTeacher ? 'Angemeldet als Lehrkraft.' : 'Warten auf die Lehrkraft …');
        events = new EventSource(`/_meet/events/${id}`);
        events.onmessage = message => onModelEvent(JSON.parse(String(message.data)) as ModelEvent);
        commandQueue.splice(0).forEach(([name, args]) => void send(name, args));
    }

    /** A toolbar key: listed in buttonsWithNotifyClick, it only notifies the embedder (toolbox/functions.web.ts). */
    function click(key: string, run: () => void): void {
        if (notifyKeys.has(key)) {
            sendEvent('toolbar-button-clicked', { key, preventExecution: true });
        } else {
            run();
        }
    }

    transport?.on('event', ({ name, data }) => {
        const command = name ? MODEL_COMMAND[name] : undefined;

        if (!command) {
            return false;
        }
        void send(command, Array.isArray(data) ? data : []);

        return true;
    });
    transport?.on('request', (request, callback) => {
        if (request.name !== 'rooms-info') {
            return false;
        }
        void fetch(`/_meet/rooms-info/${participantId ?? ''}`)
            .then(response => response.json() as Promise<unknown>)
            .then(result => callback(result));

        return true;
    });
    // The page reports that it goes away (react/features/external-api/middleware.ts, SET_CONFIG):
    // on `beforeunload`, or only on `unload` when the embedder set disableBeforeUnloadHandlers.
    window.addEventListener(config.disableBeforeUnloadHandlers ? 'unload' : 'beforeunload', () => {
        sendEvent('video-conference-left', { roomName: room });
        transport?.dispose();
    });

    $('media').textContent =
        `${config.startWithVideoMuted ? 'Kamera aus' : 'Kamera an'} · ${config.startWithAudioMuted ? 'Mikrofon aus' : 'Mikrofon an'}`;
    $<HTMLInputElement>('name').value = displayName;
    $('join').addEventListener('click', () => void join(false));
    $('join-teacher').addEventListener('click', () => void join(true));
    $('hangup').addEventListener('click', () => click('hangup', () => void send('hangup', [])));
    $('hangup-menu').addEventListener('click', () => click('hangup-menu', () => void send('hangup', [])));
    $('end-meeting').addEventListener('click', () => click('end-meeting', () => void send('endConference', [])));
    render();
    // modules/API/API.js `init`: browser support, then `ready`; the prejoin screen reports itself
    // (API.js `notifyPrejoinLoaded`, with jitsi-meet's id for the local participant before joining).
    sendEvent('browser-support', { supported: true });
    sendEvent('ready');
    sendEvent('prejoin-screen-loaded', { id: 'local', displayName, formattedDisplayName: displayName });
})();
