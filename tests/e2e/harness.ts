/**
 * End-to-end harness: Debian's Chromium driven by playwright-core (no browser download), the built
 * portal served by tools/serve and the offline Jitsi stand-in, all on loopback. Records every request
 * and console message, so the privacy checks can look at all of them. Waits are on conditions.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';

import { launchChromium } from '../../tools/browser/chromium';

import { startStandin, type Standin } from '../../tools/jitsi-standin/server';
import { startPortalServer, type PortalServer } from '../../tools/serve/portalServer';

const ROOT = join(__dirname, '..', '..');
/** Everything a test needs. */
export interface Stack {
    readonly browser: Browser;
    readonly standin: Standin;
    readonly portal: PortalServer;
    close(): Promise<void>;
}

export async function startStack(): Promise<Stack> {
    if (!existsSync(join(ROOT, 'dist', 'index.html'))) {
        throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
    }
    const standin = await startStandin();
    const portal = await startPortalServer({
        dist: join(ROOT, 'dist'),
        jitsiOrigin: standin.origin,
        cspJitsiOrigin: standin.origin,
    });
    const browser = await launchChromium();

    return {
        browser,
        standin,
        portal,
        close: async () => {
            await browser.close();
            await portal.close();
            await standin.close();
        },
    };
}

/** A browser context (one person on one device) that records requests and console output. */
export interface Person {
    readonly context: BrowserContext;
    readonly page: Page;
    readonly requests: string[];
    readonly console: string[];
}

export async function newPerson(stack: Stack): Promise<Person> {
    const context = await stack.browser.newContext({ viewport: { width: 1024, height: 900 } });
    const page = await context.newPage();
    const requests: string[] = [];
    const console: string[] = [];

    context.on('request', request => requests.push(request.url()));
    page.on('console', message => console.push(message.text()));
    page.setDefaultTimeout(10000);

    return { context, page, requests, console };
}

/** The stand-in's meeting frame inside the portal page, once its prejoin screen is there. */
export async function meetingFrame(page: Page, standinOrigin: string): Promise<Frame> {
    const frame = await until(
        () => Promise.resolve(page.frames().find(f => f.url().startsWith(standinOrigin))),
        'the meeting frame to appear',
    );

    await frame.waitForSelector('#join');

    return frame;
}

/** Control API of the stand-in. */
export async function control(stack: Stack, path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${stack.standin.origin}/_control/${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
    });

    return response.json();
}

/** A room as the stand-in sees it. */
export interface RoomState {
    password: string | null;
    recording: string | null;
    recordingTimes: { started: number; stopped: number | null } | null;
    chat: { from: string; message: string }[];
    participants: {
        id: string;
        name: string;
        role: string;
        kind: string;
        state: string;
        muted: { audio: boolean; video: boolean };
    }[];
}

export function roomState(stack: Stack, room: string): Promise<RoomState> {
    return control(stack, `rooms/${encodeURIComponent(room)}`) as Promise<RoomState>;
}

/** Polls a condition (no fixed sleeps), bounded. */
export async function until<T>(
    check: () => Promise<T | undefined | false>,
    what: string,
    timeoutMs = 10000,
): Promise<T> {
    const deadline = Date.now() + timeoutMs;

    for (;;) {
        const value = await check();

        if (value) {
            return value;
        }
        if (Date.now() > deadline) {
            throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
        }
        await new Promise(resolve => setTimeout(resolve, 20));
    }
}

export { seriousViolations } from '../../tools/browser/axe';

/** Every request went to the portal or the Jitsi origin, nowhere else. */
export function foreignRequests(person: Person, stack: Stack): string[] {
    const allowed = new Set([stack.portal.origin, stack.standin.origin]);

    return person.requests.filter(
        url => !url.startsWith('data:') && !url.startsWith('blob:') && !allowed.has(new URL(url).origin),
    );
}

/** Everything the page and its frames keep in browser storage, as text. */
export async function storedText(page: Page): Promise<string> {
    const dumps = await Promise.all(
        page
            .frames()
            .map(frame =>
                frame
                    .evaluate(() => JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage } }))
                    .catch(() => ''),
            ),
    );

    return dumps.join('\n');
}
