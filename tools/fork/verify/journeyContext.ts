/**
 * What the steps of the fork-build verification share: the options, the two people's pages, and
 * what the pages requested (hosts other than the deployment's; the dialogs' chunks).
 */
import type { Browser, Page } from 'playwright-core';

/** Where the people open the meeting, and who they are. */
export interface JourneyOptions {
    /** Origin serving the build, with the deployment's one config.js (guest domain set). */
    readonly origin: string;
    readonly teacher: { readonly user: string; readonly password: string };
    /** A school account the media centre has blocked (R5); the fork build tells its teacher so. */
    readonly blockedSchool?: { readonly user: string; readonly password: string };
    readonly room: string;
    readonly timeoutMs?: number;
    /**
     * Which build serves the page (default the fork build). The drop-in tries a refused join again
     * by reloading the page, so the student joins from the prejoin screen once more; the fork build
     * joins again from the prejoin screen it is still on.
     */
    readonly build?: 'fork' | 'dropIn';
}

/** The journey's shared state; steps set the pages as people arrive. */
export interface JourneyContext {
    readonly options: JourneyOptions;
    readonly timeout: number;
    /** The compiled fork build (its dialogs are a chunk of their own, its login asks why it failed). */
    readonly fork: boolean;
    /** Opens a page in a fresh browser context (German, camera and microphone allowed). */
    readonly open: () => Promise<Page>;
    student: Page;
    /** Set by the teacher's log-in step. */
    teacher: Page | undefined;
    /** Settles when the drop-in's countdown has reloaded the student's page. */
    studentReloaded: Promise<unknown>;
    /** Every URL requested from a host other than the deployment's (data: and blob: are local). */
    readonly foreign: Set<string>;
    /** The dialogs' chunks the pages loaded (`libs/chunks/`), with the answer's status. */
    readonly chunks: string[];
}

/** A step: what it shows, for which builds, and how (it throws when the build fails it). */
export interface JourneyStepDefinition {
    readonly what: string;
    /** Only on this build; both when not given. */
    readonly only?: 'fork' | 'dropIn';
    run(context: JourneyContext): Promise<string | void>;
}

/** The teacher's page, which the log-in step opened. */
export function teacherOf(context: JourneyContext): Page {
    if (!context.teacher) {
        throw new Error('the teacher has not joined yet');
    }

    return context.teacher;
}

/** A fresh journey context on `browser`; the student's page is open already. */
export async function journeyContext(browser: Browser, options: JourneyOptions): Promise<JourneyContext> {
    const foreign = new Set<string>();
    const chunks: string[] = [];
    const allowed = new URL(options.origin).host;
    const open = async () => {
        const context = await browser.newContext({ locale: 'de-DE', permissions: ['camera', 'microphone'] });
        const page = await context.newPage();

        page.on('request', request => {
            const url = new URL(request.url());

            if (!['data:', 'blob:'].includes(url.protocol) && url.host !== allowed) {
                foreign.add(request.url());
            }
        });
        page.on('response', response => {
            if (new URL(response.url()).pathname.startsWith('/libs/chunks/')) {
                chunks.push(`${response.status()} ${new URL(response.url()).pathname}`);
            }
        });

        return page;
    };

    return {
        options,
        timeout: options.timeoutMs ?? 30000,
        fork: (options.build ?? 'fork') === 'fork',
        open,
        student: await open(),
        teacher: undefined,
        studentReloaded: Promise.resolve(),
        foreign,
        chunks,
    };
}
