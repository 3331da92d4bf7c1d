/**
 * The architecture's import zones, proven: the lint configuration refuses host-specific imports
 * and browser globals in the core, and allows what the core legitimately needs. ESLint runs as
 * the CLI does (its config loader needs real ES modules, which Jest's sandbox does not offer).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

const CORE_FILE = 'react/features/school-policy/zoneProbe.ts';
const UI_FILE = 'react/features/school-policy/components/web/ZoneProbe.tsx';
const POLICY_FILE = 'react/features/school-policy/policy/zoneProbe.ts';
const FORK_FILE = 'react/features/school-policy/jitsi-meet/zoneProbe.ts';
const DROP_IN_FILE = 'react/features/school-policy/dropin/zoneProbe.ts';

interface LintMessage {
    ruleId: string | null;
    message: string;
}

async function zoneErrors(code: string, filePath: string): Promise<string[]> {
    const pending = run(
        process.execPath,
        [
            'node_modules/eslint/bin/eslint.js',
            '-c',
            'tests/tools/eslint.zones.config.mjs',
            '--stdin',
            '--stdin-filename',
            filePath,
            '-f',
            'json',
        ],
        { cwd: process.cwd(), timeout: 50000 },
    );

    pending.child.stdin?.end(code);
    // ESLint exits with 1 when it finds errors; the report is on stdout either way.
    const { stdout } = await pending.catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '[]' }));
    const [result] = JSON.parse(stdout) as { messages: LintMessage[] }[];

    return (result?.messages ?? [])
        .filter(m => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals' || m.ruleId === null)
        .map(m => m.message);
}

const REFUSED: [string, string][] = [
    ["import { createRoot } from 'react-dom/client';\nexport const r = createRoot;\n", 'no React DOM'],
    ["import { JitsiMeeting } from '@jitsi/react-sdk';\nexport const j = JitsiMeeting;\n", 'no Jitsi package'],
    ["import { x } from './jitsi-meet/middleware';\nexport const y = x;\n", 'no adapter code'],
    ["import { x } from './components/web/Notice';\nexport const y = x;\n", 'no UI'],
    ["import { x } from '../portal/store';\nexport const y = x;\n", 'no portal code'],
    ["import { useState } from 'react';\nexport const s = useState;\n", 'React belongs in components'],
    ['export const w = window.location.href;\n', 'no browser globals'],
    ["import { createSlice } from '@reduxjs/toolkit';\nexport const c = createSlice;\n", 'brings no state library'],
    ["import { produce } from 'immer';\nexport const p = produce;\n", 'brings no state library'],
];

describe('import zones of the core', () => {
    jest.setTimeout(60000);

    it.each(REFUSED)('refuses %j in the core', async (code, reason) => {
        const errors = await zoneErrors(code, CORE_FILE);

        expect(errors).toHaveLength(1);
        expect(errors[0]).toContain(reason);
    });

    it('allows the core’s own modules, its Redux shapes included', async () => {
        const code =
            "import { defineEvents } from './events';\nimport { RULES } from './rules';\nexport const x = [defineEvents, RULES];\n";

        expect(await zoneErrors(code, CORE_FILE)).toEqual([]);
    });

    it('lets policy UI use React but not host code', async () => {
        expect(await zoneErrors("import { useState } from 'react';\nexport const s = useState;\n", UI_FILE)).toEqual(
            [],
        );
        expect(await zoneErrors("import { x } from '../../../portal/store';\nexport const y = x;\n", UI_FILE)).toEqual([
            expect.stringContaining('Policy UI imports no host code'),
        ]);
    });

    it('keeps policy/ pure: no slice, listeners or selectors, and still no React', async () => {
        const refused: [string, string][] = [
            ['../slice', 'policy/ is pure'],
            ['../listeners', 'policy/ is pure'],
            ['../selectors', 'policy/ is pure'],
            ['react', 'React belongs in components'],
        ];

        for (const [from, reason] of refused) {
            expect(await zoneErrors(`import { x } from '${from}';\nexport const y = x;\n`, POLICY_FILE)).toEqual([
                expect.stringContaining(reason),
            ]);
        }
        expect(await zoneErrors("import { RULES } from '../rules';\nexport const y = RULES;\n", POLICY_FILE)).toEqual(
            [],
        );
    });

    it('lets the fork adapter use the core but not the portal or React DOM', async () => {
        expect(await zoneErrors("import { x } from '../../portal/store';\nexport const y = x;\n", FORK_FILE)).toEqual([
            expect.stringContaining('no portal code'),
        ]);
        expect(
            await zoneErrors(
                "import { createRoot } from 'react-dom/client';\nexport const y = createRoot;\n",
                FORK_FILE,
            ),
        ).toEqual([expect.stringContaining('not React DOM')]);
        expect(
            await zoneErrors("import { policyActions } from '../slice';\nexport const y = policyActions;\n", FORK_FILE),
        ).toEqual([]);
        expect(await zoneErrors("import { compose } from 'redux';\nexport const y = compose;\n", FORK_FILE)).toEqual([
            expect.stringContaining('brings no state library'),
        ]);
    });

    it('lets the drop-in use the fork adapter, the core and its own React root, never the portal', async () => {
        expect(
            await zoneErrors("import { x } from '../../portal/store';\nexport const y = x;\n", DROP_IN_FILE),
        ).toEqual([expect.stringContaining('The drop-in imports no portal code')]);
        const allowed =
            "import { createRoot } from 'react-dom/client';\nimport { createSchoolPolicyFeature } from '../jitsi-meet/feature';\n" +
            "import { policyActions } from '../slice';\nexport const y = [createRoot, createSchoolPolicyFeature, policyActions, window];\n";

        expect(await zoneErrors(allowed, DROP_IN_FILE)).toEqual([]);
        expect(
            await zoneErrors("import { compose } from '@reduxjs/toolkit';\nexport const y = compose;\n", DROP_IN_FILE),
        ).toEqual([expect.stringContaining('brings no state library')]);
    });
});
