/**
 * The stand-in's meeting page, inside the iframe. It shows a prejoin screen (join as a guest, or log
 * in as the teacher: the stand-in's version of the secure domain), forwards the server's IFrame API
 * events to the embedder, runs the embedder's commands, and has a toolbar whose hang-up keys obey
 * `buttonsWithNotifyClick`. No media: camera and microphone are shown as off.
 */
interface ApiEvent {
    name: string;
    payload: Record<string, unknown>;
}

type NotifyEntry = string | { key: string; preventExecution?: boolean };

(() => {
    const parentOrigin = document.referrer ? new URL(document.referrer).origin : '*';
    const room = decodeURIComponent(window.location.pathname.slice(1));
    const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
    let participantId: string | null = null;
    let role = 'none';
    let notifyKeys = new Set<string>();
    let startMuted = { audio: false, video: false };
    const others = new Map<string, string>();
    const commandQueue: [string, unknown[]][] = [];

    function toParent(message: unknown): void {
        window.parent.postMessage(message, parentOrigin);
    }

    function status(text: string): void {
        $('status').textContent = text;
    }

    function render(): void {
        const list = $('participants');

        list.replaceChildren(
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

    function onServerEvent(event: ApiEvent): void {
        const { name, payload } = event;

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
                break;
            case 'errorOccurred':
                // A locked room is reported as an error just before the password request; the
                // request's own status line says it.
                if ((payload.error as { name?: string } | undefined)?.name !== 'conference.passwordRequired') {
                    status(String((payload.error as { message?: string } | undefined)?.message ?? 'Fehler'));
                }
                break;
        }
        render();
        toParent({ type: 'event', name, payload });
    }

    async function join(asTeacher: boolean): Promise<void> {
        $<HTMLButtonElement>('join').disabled = true;
        $<HTMLButtonElement>('join-teacher').disabled = true;
        const response = await fetch('/_meet/join', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ room, name: $<HTMLInputElement>('name').value, asTeacher, startMuted }),
        });
        const { id } = (await response.json()) as { id: string };

        participantId = id;
        status(asTeacher ? 'Angemeldet als Lehrkraft.' : 'Warten auf die Lehrkraft …');
        const source = new EventSource(`/_meet/events/${id}`);

        source.onmessage = message => onServerEvent(JSON.parse(String(message.data)) as ApiEvent);
        commandQueue.splice(0).forEach(([name, args]) => void send(name, args));
    }

    function click(key: string, run: () => void): void {
        if (notifyKeys.has(key)) {
            toParent({ type: 'event', name: 'toolbarButtonClicked', payload: { key, preventExecution: true } });
        } else {
            run();
        }
    }

    window.addEventListener(
        'message',
        (
            event: MessageEvent<{
                type: string;
                options?: Record<string, unknown>;
                name?: string;
                args?: unknown[];
                seq?: number;
            }>,
        ) => {
            if (event.source !== window.parent || (parentOrigin !== '*' && event.origin !== parentOrigin)) {
                return;
            }
            const message = event.data;

            if (message.type === 'init' && message.options) {
                const config = (message.options.configOverwrite ?? {}) as {
                    buttonsWithNotifyClick?: NotifyEntry[];
                    startWithAudioMuted?: boolean;
                    startWithVideoMuted?: boolean;
                };

                startMuted = { audio: config.startWithAudioMuted === true, video: config.startWithVideoMuted === true };
                $('media').textContent =
                    `${startMuted.video ? 'Kamera aus' : 'Kamera an'} · ${startMuted.audio ? 'Mikrofon aus' : 'Mikrofon an'}`;
                const userInfo = (message.options.userInfo ?? {}) as { displayName?: string };

                notifyKeys = new Set(
                    (config.buttonsWithNotifyClick ?? [])
                        .filter(entry => typeof entry === 'string' || entry.preventExecution !== false)
                        .map(entry => (typeof entry === 'string' ? entry : entry.key)),
                );
                $<HTMLInputElement>('name').value = userInfo.displayName ?? '';
            } else if (message.type === 'command' && message.name) {
                void send(message.name, message.args ?? []);
            } else if (message.type === 'request' && message.name === 'getRoomsInfo') {
                void fetch(`/_meet/rooms-info/${participantId ?? ''}`)
                    .then(response => response.json() as Promise<unknown>)
                    .then(result => toParent({ type: 'response', seq: message.seq, result }));
            }
        },
    );

    $('join').addEventListener('click', () => void join(false));
    $('join-teacher').addEventListener('click', () => void join(true));
    $('hangup').addEventListener('click', () => click('hangup', () => void send('hangup', [])));
    $('hangup-menu').addEventListener('click', () => click('hangup-menu', () => void send('hangup', [])));
    $('end-meeting').addEventListener('click', () => click('end-meeting', () => void send('endConference', [])));
    render();
    toParent({ type: 'ready' });
    // As the real page does once loaded (modules/API/API.js notifyBrowserSupport).
    toParent({ type: 'event', name: 'browserSupport', payload: { supported: true } });
})();
