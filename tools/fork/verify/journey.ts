/**
 * The browser journey of the fork-build verification: a student and a teacher in Chromium on the
 * built jitsi-meet with the school-policy module (or the stock one with the drop-in), against
 * Prosody with mod_school_policy. The steps live in steps/, in the order of a lesson; each waits on
 * a condition (bounded) and is reported as passed or failed; the first failure ends the journey.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import type { Browser } from 'playwright-core';

import { journeyContext, type JourneyContext, type JourneyOptions, type JourneyStepDefinition } from './journeyContext';
import { ARRIVAL_STEPS } from './steps/arrival';
import { CENTRE_MEETING_STEPS } from './steps/centre';
import { ENDING_STEPS } from './steps/ending';
import { LESSON_STEPS } from './steps/lesson';
import { OPENING_STEPS } from './steps/opening';

export type { JourneyOptions } from './journeyContext';
export { HOSTILE_HASH, MIXED_HASHES } from './steps/pageHelpers';

/** One reported step. */
export interface JourneyStep {
    readonly what: string;
    readonly ok: boolean;
    readonly detail?: string;
}

/** Every step, in the order of the lesson. */
const STEPS: readonly JourneyStepDefinition[] = [
    ...ARRIVAL_STEPS,
    ...OPENING_STEPS,
    ...CENTRE_MEETING_STEPS,
    ...LESSON_STEPS,
    ...ENDING_STEPS,
];

/** The steps the given build runs. */
export function stepsFor(build: 'fork' | 'dropIn'): readonly JourneyStepDefinition[] {
    return STEPS.filter(step => step.only === undefined || step.only === build);
}

/** Where a failed step leaves pictures of both pages, to see what a person would have seen. */
export const FAILURE_PICTURES = join(__dirname, '..', '..', '..', 'test-output', 'fork-verify');

async function keepPictures(context: JourneyContext): Promise<void> {
    mkdirSync(FAILURE_PICTURES, { recursive: true });
    for (const [who, page] of [
        ['student', context.student],
        ['teacher', context.teacher],
    ] as const) {
        await page?.screenshot({ path: join(FAILURE_PICTURES, `${who}.png`) }).catch(() => undefined);
    }
}

/** Runs the journey and returns its steps; never throws for a failed step. */
export async function runJourney(browser: Browser, options: JourneyOptions): Promise<JourneyStep[]> {
    const reported: JourneyStep[] = [];

    try {
        const context = await journeyContext(browser, options);

        for (const step of stepsFor(options.build ?? 'fork')) {
            try {
                const detail = await step.run(context);

                reported.push(detail ? { what: step.what, ok: true, detail } : { what: step.what, ok: true });
            } catch (error) {
                const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);

                reported.push({ what: step.what, ok: false, detail: detail ?? '' });
                await keepPictures(context);
                break;
            }
        }
    } catch (error) {
        reported.push({ what: 'The journey', ok: false, detail: String(error) });
    }

    return reported;
}
