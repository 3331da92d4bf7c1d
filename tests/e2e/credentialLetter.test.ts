/**
 * The credential letter as the head of school sees it: rendered in Debian's Chromium, checked with
 * axe (every WCAG 2.1 A/AA violation, not only serious ones), printed the way a school prints it
 * (A4, English on its own page), and kept as a picture in test-output/ to be looked at.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Browser, Page } from 'playwright-core';

import { RULES } from '../../react/features/school-policy/rules';
import { launchChromium } from '../../tools/browser/chromium';
import { credentialLetter, type LetterFacts } from '../../tools/accounts/credentialLetter';

const ROOT = join(__dirname, '..', '..');
const OUTPUT = join(ROOT, 'test-output');
const AXE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

const FACTS: LetterFacts = {
    schoolId: 'gs-nord',
    // A name with markup in it must arrive as text, not as markup.
    schoolName: 'Grundschule <b>Nord</b> & Co',
    login: 'gs-nord@meet.example.org',
    password: 'ab2c-de3f-gh4j-km5n-pq6r',
    address: 'https://schule.example.org',
    centreName: 'Kreismedienzentrum Musterkreis',
    misuseContact: 'mailto:jitsi-missbrauch@medienzentrum.example.org',
    date: '2026-12-01',
    occasion: 'new',
};

let browser: Browser;
let page: Page;
const requests: string[] = [];

jest.setTimeout(60000);

beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 900, height: 1200 } });
    page.on('request', request => {
        if (!request.url().startsWith('data:') && request.url() !== 'about:blank') {
            requests.push(request.url());
        }
    });
    await page.setContent(credentialLetter(FACTS), { waitUntil: 'load' });
});

afterAll(async () => {
    await browser?.close();
});

async function axeViolations(target: Page): Promise<string[]> {
    await target.evaluate(AXE);

    return target.evaluate(async () => {
        const axe = (
            window as unknown as {
                axe: {
                    run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string }[] }>;
                };
            }
        ).axe;
        const result = await axe.run(document, {
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
        });

        return result.violations.map(v => `${v.id} (${v.impact})`);
    });
}

describe('the credential letter', () => {
    it('shows the school, the access data, all ten rules and the misuse contact, in German and English', async () => {
        const german = page.locator('section[lang="de"]');
        const english = page.locator('section[lang="en"]');

        await expect(german.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
            'Zugangsdaten für Jitsi Meet',
        );
        await expect(german.locator('.occasion').textContent()).resolves.toContain('Grundschule <b>Nord</b> & Co');
        expect(await german.locator('dd.secret').allTextContents()).toEqual([FACTS.login, FACTS.password]);
        expect(await german.locator('ol.rules > li').count()).toBe(RULES.length);
        expect(await english.locator('ol.rules > li').count()).toBe(RULES.length);
        await expect(german.getByText(/niemals an Schülerinnen und Schüler weiter/).count()).resolves.toBe(1);
        await expect(english.getByText(/Never pass these access data on to students/).count()).resolves.toBe(1);
        await expect(
            german.getByRole('link', { name: 'jitsi-missbrauch@medienzentrum.example.org' }).getAttribute('href'),
        ).resolves.toBe(FACTS.misuseContact);
        await expect(page.getByText(/Unterschrift der Schulleitung/).count()).resolves.toBe(1);
    });

    it('has no accessibility violation at all', async () => {
        expect(await axeViolations(page)).toEqual([]);
    });

    it('prints on A4 with the English letter on its own page, and is kept as pictures to look at', async () => {
        mkdirSync(OUTPUT, { recursive: true });
        await page.screenshot({ path: join(OUTPUT, 'credential-letter.png'), fullPage: true });
        await page.emulateMedia({ media: 'print' });
        const breaks = await page.evaluate(
            () => getComputedStyle(document.querySelector('section[lang="en"]') as Element).breakBefore,
        );
        const pdf = await page.pdf({ format: 'A4', printBackground: true });

        writeFileSync(join(OUTPUT, 'credential-letter.pdf'), pdf);
        await page.emulateMedia({ media: 'screen' });
        expect(breaks).toBe('page');
        // Two pages at least (German, English); the letter's text is in the PDF, not an image.
        expect((pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBeGreaterThanOrEqual(2);
    });

    it('loads nothing from anywhere', () => {
        expect(requests).toEqual([]);
    });

    it('links a misuse contact only when it is mailto: or https:', async () => {
        const hostile = await browser.newPage();

        await hostile.setContent(credentialLetter({ ...FACTS, misuseContact: 'javascript:alert(1)' }));
        expect(await hostile.locator('a').count()).toBe(0);
        await expect(hostile.getByText('javascript:alert(1)').first().isVisible()).resolves.toBe(true);
        await hostile.close();
    });
});
