/**
 * axe-core (WCAG 2.1 A and AA) in a real page, for the browser tests and the fork-build verification:
 * what we render, in our pages and inside jitsi-meet's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Frame, Page } from 'playwright-core';

const AXE = readFileSync(join(__dirname, '..', '..', 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/**
 * Runs axe-core on the page, or only on what `within` selects (what we render inside someone else's
 * page), and returns the serious and critical violations.
 */
export async function seriousViolations(page: Page | Frame, within?: string): Promise<string[]> {
    // Evaluated through the DevTools protocol: the portal's CSP rightly refuses inline scripts.
    await page.evaluate(AXE);

    return page.evaluate(async selector => {
        const axe = (
            window as unknown as {
                axe: {
                    run: (
                        ctx: unknown,
                        opts: unknown,
                    ) => Promise<{ violations: { id: string; impact: string; nodes: { target: unknown }[] }[] }>;
                };
            }
        ).axe;
        const result = await axe.run(selector ? { include: [selector] } : document, {
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
            iframes: false,
        });

        return result.violations
            .filter(v => v.impact === 'serious' || v.impact === 'critical')
            .map(v => `${v.id}: ${JSON.stringify(v.nodes.map(n => n.target))}`);
    }, within);
}
