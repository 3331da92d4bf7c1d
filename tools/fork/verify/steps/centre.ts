/**
 * The media centre inside jitsi-meet (issue #25), on the real pages of the built fork and of the
 * drop-in on the stock web root: its short rules and links on the prejoin screen, its logo where
 * Jitsi's would be, "Missbrauch melden" in the toolbar, by keyboard. Each state is checked with axe
 * and photographed into docs/screenshots/ (the pictures in the README come from here).
 */
import type { Page } from 'playwright-core';

import { seriousViolations } from '../../../browser/axe';
import { screenshotPath } from '../../../browser/screenshots';
import { teacherOf, type JourneyContext, type JourneyStepDefinition } from '../journeyContext';

/** What this repository's config.js says of its sample media centre (the deployment serves it). */
const CENTRE = {
    name: 'Kreismedienzentrum Musterkreis',
    terms: 'https://medienzentrum.example.org/jitsi/nutzungsordnung',
    privacy: 'https://medienzentrum.example.org/jitsi/datenschutz',
    website: 'https://medienzentrum.example.org/',
    misuse: 'mailto:jitsi-missbrauch@medienzentrum.example.org',
};

/** Saves what a person sees now, as `<build>-<name>.png`. */
async function picture(context: JourneyContext, page: Page, name: string): Promise<string> {
    const file = screenshotPath(`${context.fork ? 'fork' : 'dropin'}-${name}`);

    await page.screenshot({ path: file });

    return file;
}

async function noViolations(page: Page, within: string): Promise<void> {
    const violations = await seriousViolations(page, within);

    if (violations.length > 0) {
        throw new Error(`axe: ${violations.join('; ')}`);
    }
}

/** On the prejoin screen, before the student joins. */
export const CENTRE_PREJOIN_STEPS: readonly JourneyStepDefinition[] = [
    {
        what: 'The prejoin screen shows the media centre, its short rules and its links (R1, R3, R5, R7, R9, R10)',
        async run(context) {
            const { student, timeout } = context;
            const panel = student.getByRole('region', { name: 'Regeln für dieses Meeting' });

            await panel.waitFor({ timeout });
            await panel.getByText(`Ein Angebot von ${CENTRE.name}`).waitFor({ timeout });
            const rules = await panel.getByRole('listitem').allTextContents();
            const links = await Promise.all(
                ['Nutzungsordnung', 'Datenschutz', /^Missbrauch melden/].map(name =>
                    panel.getByRole('link', { name }).getAttribute('href'),
                ),
            );

            if (rules.length !== 5 || !rules.includes('Keine Aufzeichnungen') || !rules.includes('Niemand hört mit')) {
                throw new Error(`rules: ${JSON.stringify(rules)}`);
            }
            if (JSON.stringify(links) !== JSON.stringify([CENTRE.terms, CENTRE.privacy, CENTRE.misuse])) {
                throw new Error(`links: ${JSON.stringify(links)}`);
            }
            await noViolations(student, '#school-policy-prejoin-rules');

            return picture(context, student, 'student-prejoin');
        },
    },
];

/** In the meeting, once the student is in. */
export const CENTRE_MEETING_STEPS: readonly JourneyStepDefinition[] = [
    {
        what: 'The meeting shows the media centre’s logo where Jitsi’s would be, leading to its website',
        async run({ student, timeout }) {
            const logo = student.locator('.leftwatermark').first();

            await logo.waitFor({ timeout });
            const seen = await logo.evaluate(element => ({
                image: getComputedStyle(element.querySelector('.leftwatermark') ?? element).backgroundImage,
                link: element.closest('a')?.getAttribute('href') ?? element.getAttribute('href'),
            }));

            if (!seen.image.includes('/libs/school-policy/logo.svg') || seen.link !== CENTRE.website) {
                throw new Error(`watermark: ${JSON.stringify(seen)}`);
            }
        },
    },
    {
        what: '"Missbrauch melden" in the toolbar, by keyboard, names where to report; Escape closes it (R5)',
        async run(context) {
            const { student, timeout } = context;
            // The toolbar shows on mouse movement; the button may sit in jitsi-meet's "more" menu.
            await student.mouse.move(400, 300);
            const direct = student.getByRole('button', { name: 'Missbrauch melden' });

            if (!(await direct.isVisible())) {
                await student
                    .getByRole('button', { name: /Weitere Einstellungen|Mehr Aktionen|Weitere Optionen/ })
                    .click();
            }
            const entry = student
                .getByRole('button', { name: 'Missbrauch melden' })
                .or(student.getByRole('menuitem', { name: 'Missbrauch melden' }));

            await entry.first().focus();
            await student.keyboard.press('Enter');
            const dialog = student.getByRole('dialog', { name: 'Missbrauch melden' });

            await dialog.waitFor({ timeout });
            const href = await dialog.getByRole('link').getAttribute('href');

            if (href !== CENTRE.misuse) {
                throw new Error(`contact: ${String(href)}`);
            }
            await noViolations(student, '[role="dialog"][aria-labelledby="sp-misuse-title"]');
            const file = await picture(context, student, 'student-misuse');

            await student.keyboard.press('Escape');
            await dialog.waitFor({ state: 'detached', timeout });

            return file;
        },
    },
    {
        what: 'Pictures of the teacher’s and the student’s meeting',
        async run(context) {
            const teacher = teacherOf(context);

            await teacher.mouse.move(400, 300);
            await context.student.mouse.move(400, 300);

            return [
                await picture(context, teacher, 'teacher-meeting'),
                await picture(context, context.student, 'student-meeting'),
            ].join(', ');
        },
    },
];
