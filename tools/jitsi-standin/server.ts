/**
 * The offline Jitsi stand-in's HTTP server: `/external_api.js`, the meeting page at `/<room>`, the
 * page's own endpoints (`/_meet/…`: join, commands, an event stream) and a control API for tests
 * (`/_control/…`). Loopback only. A development stand-in, not a conferencing server (README.md).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';

import { buildStandinScripts, type StandinScripts } from './clientBuild';
import { asText, Rooms, WAIT_FOR_OWNER_MS, type RecordingMode } from './rooms';

import { listenOnLoopback } from '../serve/listen';

const LIBS_DIR = join(__dirname, '..', '..', 'deploy', 'jitsi-web', 'libs', 'school-policy');

const MEETING_HTML = (room: string) => `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Jitsi-Stand-in: ${room.replace(/[<>&"]/g, '')}</title>
<style>
body { font-family: system-ui, sans-serif; margin: 0; padding: 1rem; background: #1f2933; color: #f5f7fa; }
button { font: inherit; min-height: 44px; padding: 0.4rem 0.9rem; margin: 0.2rem; border-radius: 6px; border: 2px solid #f5f7fa; background: #1f2933; color: #f5f7fa; }
button:focus-visible, input:focus-visible { outline: 3px solid #fbbf24; outline-offset: 2px; }
input { font: inherit; min-height: 44px; padding: 0.3rem; }
#recording { background: #b91c1c; color: #fff; padding: 0.3rem 0.6rem; }
.note { color: #cbd2d9; font-size: 0.9rem; }
</style>
</head>
<body>
<main>
<p class="note">Jitsi-Stand-in für die Entwicklung – kein echter Konferenzserver.</p>
<section id="prejoin" aria-label="Vor dem Beitreten">
<p id="media">Kamera an · Mikrofon an</p>
<label for="name">Anzeigename</label> <input id="name" autocomplete="off">
<button id="join" type="button">Beitreten</button>
<button id="join-teacher" type="button">Als Lehrkraft anmelden und beitreten</button>
</section>
<p id="status" role="status" aria-live="polite"></p>
<p id="recording" hidden>Aufnahme läuft</p>
<h2>Teilnehmende</h2>
<ul id="participants"></ul>
<nav id="toolbar" aria-label="Werkzeugleiste" hidden>
<button id="hangup" type="button">Verlassen</button>
<span id="moderator-tools"><button id="hangup-menu" type="button">Auflegen-Menü</button><button id="end-meeting" type="button">Meeting für alle beenden</button></span>
</nav>
</main>
<script src="/meeting.js"></script>
</body>
</html>`;

async function body(request: IncomingMessage): Promise<Record<string, unknown>> {
    const chunks: Buffer[] = [];
    let size = 0;

    for await (const chunk of request) {
        size += (chunk as Buffer).length;
        if (size > 1_000_000) {
            throw new Error('body too large');
        }
        chunks.push(chunk as Buffer);
    }
    const text = Buffer.concat(chunks).toString('utf8');
    const parsed: unknown = text ? JSON.parse(text) : {};

    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
}

function json(response: ServerResponse, status: number, value: unknown): void {
    response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
    response.end(JSON.stringify(value));
}

/** A running stand-in. */
export interface Standin {
    /** E.g. `http://127.0.0.1:41234`. */
    readonly origin: string;
    readonly rooms: Rooms;
    close(): Promise<void>;
}

/** What the stand-in's routes share. */
interface StandinState {
    readonly rooms: Rooms;
    readonly scripts: StandinScripts;
    /** The open event streams (ended on close). */
    readonly streams: Set<ServerResponse>;
    /** The control API can make `external_api.js` fail, to test the portal's retry. */
    externalApiFailing: boolean;
}

/** `/_meet/…`: what the stand-in's meeting page asks of the room model. */
async function meet(state: StandinState, request: IncomingMessage, response: ServerResponse, parts: string[]) {
    const { rooms } = state;
    const [what, id] = parts;

    if (what === 'join' && request.method === 'POST') {
        const { room, name, asTeacher, startMuted } = await body(request);
        const muted = (typeof startMuted === 'object' && startMuted !== null ? startMuted : {}) as {
            audio?: unknown;
            video?: unknown;
        };

        json(response, 200, {
            id: rooms.join(asText(room), {
                name: asText(name),
                asTeacher: asTeacher === true,
                muted: { audio: muted.audio === true, video: muted.video === true },
            }),
        });
    } else if (what === 'command' && request.method === 'POST') {
        const { id: from, name, args } = await body(request);

        rooms.command(asText(from), asText(name), Array.isArray(args) ? (args as unknown[]) : []);
        json(response, 200, { ok: true });
    } else if (what === 'rooms-info' && id) {
        json(response, 200, rooms.roomsInfo(id));
    } else if (what === 'events' && id && rooms.known(id)) {
        streamEvents(state, request, response, id);
    } else {
        json(response, 404, { error: 'unknown' });
    }
}

/** Server-sent events of one participant, as the room model produces them. */
function streamEvents(state: StandinState, request: IncomingMessage, response: ServerResponse, id: string): void {
    response.writeHead(200, {
        'Content-Type': 'text/event-stream',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
    });
    state.streams.add(response);
    const flush = () => state.rooms.take(id).forEach(event => response.write(`data: ${JSON.stringify(event)}\n\n`));

    state.rooms.onEvent(id, flush);
    flush();
    request.on('close', () => {
        state.rooms.onEvent(id, undefined);
        state.streams.delete(response);
    });
}

/** `/_control/rooms/<room>/…`: what the tests do to a room from outside. */
async function controlRoom(rooms: Rooms, request: IncomingMessage, response: ServerResponse, parts: string[]) {
    const [room = '', sub, subId] = parts;

    if (!sub && request.method === 'GET') {
        json(response, 200, rooms.snapshot(room));
    } else if (sub === 'students' && request.method === 'POST') {
        const { names, count } = await body(request);
        const list = Array.isArray(names)
            ? names.map(String)
            : Array.from({ length: Math.min(Number(count) || 1, 200) }, (_, i) => `Schüler ${i + 1}`);

        json(response, 200, { ids: rooms.addStudents(room, list) });
    } else if (sub === 'students' && subId && request.method === 'DELETE') {
        rooms.removeStudent(room, subId);
        json(response, 200, { ok: true });
    } else if (sub === 'recording' && request.method === 'POST') {
        const fields = await body(request);
        const mode = asText(fields.mode, 'file') as RecordingMode;
        const error = asText(fields.error);

        if (error) {
            rooms.recordingFailed(room, mode, error);
        } else {
            rooms.startRecording(room, mode);
        }
        json(response, 200, { ok: true });
    } else if (sub === 'demote' && request.method === 'POST') {
        rooms.demoteTeachers(room);
        json(response, 200, { ok: true });
    } else if (sub === 'drop' && request.method === 'POST') {
        rooms.dropConnections(room);
        json(response, 200, { ok: true });
    } else {
        json(response, 404, { error: 'unknown control' });
    }
}

/** `/_control/…`: the tests' control API (reset, failures, the deployment's kind, rooms). */
async function control(state: StandinState, request: IncomingMessage, response: ServerResponse, parts: string[]) {
    const { rooms } = state;
    const [what, ...rest] = parts;

    if (what === 'rooms' && rest[0]) {
        await controlRoom(rooms, request, response, rest);
    } else if (what === 'reset' && request.method === 'POST') {
        rooms.reset();
        state.externalApiFailing = false;
        json(response, 200, { ok: true });
    } else if (what === 'external-api' && request.method === 'POST') {
        state.externalApiFailing = (await body(request)).failing === true;
        json(response, 200, { failing: state.externalApiFailing });
    } else if (what === 'school-module' && request.method === 'POST') {
        rooms.schoolModule = (await body(request)).enabled !== false;
        json(response, 200, { enabled: rooms.schoolModule });
    } else if (what === 'deployment' && request.method === 'POST') {
        rooms.secureDomain = (await body(request)).secureDomain !== false;
        json(response, 200, { secureDomain: rooms.secureDomain });
    } else {
        json(response, 404, { error: 'unknown control' });
    }
}

const LIB_TYPES: Readonly<Record<string, string>> = {
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
    '.json': 'application/json; charset=utf-8',
};

/** A file of deploy/jitsi-web/libs/school-policy/, by its plain name only. */
function serveLibFile(response: ServerResponse, name: string): void {
    const type = LIB_TYPES[extname(name)];
    const path = join(LIBS_DIR, name);

    if (!/^[\w-]+\.\w+$/.test(name) || !type || !existsSync(path)) {
        response.writeHead(404, { 'Content-Type': 'text/plain' });
        response.end('not found');

        return;
    }
    response.writeHead(200, { 'Content-Type': type });
    response.end(readFileSync(path));
}

/** Every request: the IFrame API client, the meeting page and its API, the control API. */
async function handle(state: StandinState, request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', 'http://standin').pathname;
    const parts = path.split('/').filter(Boolean).map(decodeURIComponent);

    if (path === '/external_api.js' && state.externalApiFailing) {
        response.writeHead(503, { 'Content-Type': 'text/plain' });
        response.end('unavailable');
    } else if (path === '/external_api.js' || path === '/meeting.js') {
        response.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' });
        response.end(state.scripts[path]);
    } else if (request.method === 'GET' && parts[0] === 'libs' && parts[1] === 'school-policy' && parts.length === 3) {
        // What a Jitsi server serves from libs/school-policy/ (the media centre's logo, the branding).
        serveLibFile(response, parts[2] ?? '');
    } else if (parts[0] === '_meet') {
        await meet(state, request, response, parts.slice(1));
    } else if (parts[0] === '_control') {
        await control(state, request, response, parts.slice(1));
    } else if (request.method === 'GET' && parts.length === 1 && parts[0]) {
        response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
        response.end(MEETING_HTML(parts[0]));
    } else {
        response.writeHead(404, { 'Content-Type': 'text/plain' });
        response.end('not found');
    }
}

/** Starts the stand-in on loopback (port 0: any free port). */
export async function startStandin(options: { port?: number } = {}): Promise<Standin> {
    const state: StandinState = {
        rooms: new Rooms(),
        scripts: await buildStandinScripts(),
        streams: new Set(),
        externalApiFailing: false,
    };
    const server = createServer((request, response) => {
        void handle(state, request, response).catch(error => {
            if (!response.headersSent) {
                json(response, 400, { error: String(error) });
            }
        });
    });

    await listenOnLoopback(server, options.port ?? 0, 'STANDIN_PORT');
    // Guests waiting for the host ask again on jitsi-meet's own timer.
    const waitForOwner = setInterval(() => state.rooms.retryWaiting(), WAIT_FOR_OWNER_MS);

    waitForOwner.unref();
    const { port } = server.address() as AddressInfo;

    return {
        origin: `http://127.0.0.1:${port}`,
        rooms: state.rooms,
        close: () =>
            new Promise<void>(resolve => {
                clearInterval(waitForOwner);
                state.streams.forEach(stream => stream.end());
                server.closeAllConnections();
                server.close(() => resolve());
            }),
    };
}
