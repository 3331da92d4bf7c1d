// Type-aware lint with zero warnings allowed (npm run lint uses --max-warnings 0), and the import
// zones that keep the architecture honest: the core imports nothing host-specific.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const CORE = 'react/features/school-policy';

/**
 * No state library of its own anywhere in the module: inside jitsi-meet it would be a second one in
 * jitsi-meet's bundle (issue #14's size budget); the Redux shapes it needs are in reduxShapes.ts.
 */
const stateLibraries = {
    group: ['@reduxjs/toolkit', '@reduxjs/toolkit/*', 'immer', 'reselect', 'redux', 'redux-thunk'],
    message: 'The module brings no state library: use reduxShapes.ts, events.ts and listenerMiddleware.ts.',
};

/** What the host-agnostic core must never import. */
const coreForbiddenImports = {
    paths: [
        { name: 'react', message: 'The core is host-agnostic: React belongs in components/.' },
        { name: 'react-dom', message: 'The core is host-agnostic: no React DOM.' },
        { name: 'react-redux', message: 'The core is host-agnostic: bind React in components/ or the portal.' },
    ],
    patterns: [
        { group: ['react-dom/*'], message: 'The core is host-agnostic: no React DOM.' },
        { group: ['@jitsi/*', 'lib-jitsi-meet', 'lib-jitsi-meet/*'], message: 'The core imports no Jitsi package.' },
        { group: ['**/jitsi-meet', '**/jitsi-meet/**'], message: 'The core imports no adapter code.' },
        { group: ['**/components/**', '**/components'], message: 'The core imports no UI.' },
        { group: ['**/portal', '**/portal/**'], message: 'The core imports no portal code.' },
        stateLibraries,
    ],
};

/** Globals that only exist in a browser host. */
const browserGlobals = ['window', 'document', 'localStorage', 'sessionStorage', 'navigator', 'location'].map(name => ({
    name,
    message: 'The core is host-agnostic: no browser globals.',
}));

export default tseslint.config(
    {
        // The registration files compile only inside a jitsi-meet checkout (tools/fork); .cache holds unpacked upstream code.
        ignores: [
            'node_modules/',
            'dist/',
            'dist-plugin/',
            'coverage/',
            '.cache/',
            'react/features/school-policy/jitsi-meet/registration/**',
        ],
    },
    js.configs.recommended,
    ...tseslint.configs.recommendedTypeChecked,
    {
        languageOptions: {
            parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
            globals: { ...globals.browser, ...globals.node },
        },
        rules: {
            '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
            '@typescript-eslint/no-explicit-any': 'error',
            '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
            '@typescript-eslint/switch-exhaustiveness-check': 'error',
            eqeqeq: ['error', 'always'],
        },
    },
    {
        files: ['**/*.{js,mjs,cjs}'],
        ...tseslint.configs.disableTypeChecked,
    },
    {
        // Build and test configuration in CommonJS, as webpack, Babel and Jest load it.
        files: ['*.config.js', 'tests/support/*.js', 'tests/upstream/*.js'],
        languageOptions: { sourceType: 'commonjs' },
        rules: { '@typescript-eslint/no-require-imports': 'off' },
    },
    {
        // The deployment's config files are classic browser scripts that define one global each.
        files: ['config.js', 'interface_config.js', 'tests/fixtures/config/*.js'],
        languageOptions: { sourceType: 'script' },
        rules: { '@typescript-eslint/no-unused-vars': 'off', 'no-var': 'off' },
    },
    {
        // A function a newcomer can read in one go: the product and its tools (issue #26).
        files: ['react/**/*.{ts,tsx}', 'tools/**/*.ts'],
        rules: { 'max-lines-per-function': ['error', { max: 100 }] },
    },
    {
        files: ['**/*.tsx'],
        plugins: { 'react-hooks': reactHooks },
        rules: reactHooks.configs.recommended.rules,
    },
    {
        // jitsi-meet compiles the module for Safari 14 (its webpack.config.js), where Babel copies a
        // helper of about a kilobyte into every module that destructures an array or collects an
        // object's rest: in jitsi-meet's bundle that is size the budget (issue #14) cannot spare.
        files: [`${CORE}/**/*.{ts,tsx}`],
        rules: {
            'no-restricted-syntax': [
                'error',
                {
                    selector: 'ArrayPattern',
                    message:
                        'No array destructuring in the module (a Babel helper per module in jitsi-meet): index instead.',
                },
                {
                    selector: 'ObjectPattern > RestElement',
                    message:
                        'No object rest in the module (a Babel helper per module in jitsi-meet): use policy/withoutKey.ts.',
                },
            ],
        },
    },
    {
        files: [`${CORE}/**/*.{ts,tsx}`],
        ignores: [`${CORE}/components/**`, `${CORE}/jitsi-meet/**`, `${CORE}/dropin/**`],
        rules: {
            'no-restricted-imports': ['error', coreForbiddenImports],
            'no-restricted-globals': ['error', ...browserGlobals],
        },
    },
    {
        // The pure decisions never reach up into the state machine or its effects.
        files: [`${CORE}/policy/**/*.{ts,tsx}`],
        rules: {
            'no-restricted-imports': [
                'error',
                {
                    paths: coreForbiddenImports.paths,
                    patterns: [
                        ...coreForbiddenImports.patterns,
                        {
                            group: ['**/slice', '**/listeners', '**/selectors', '**/index'],
                            message: 'policy/ is pure: it imports neither the slice nor the listeners.',
                        },
                    ],
                },
            ],
            'no-restricted-globals': ['error', ...browserGlobals],
        },
    },
    {
        // The fork adapter may use the core and React (jitsi-meet renders its dialogs), never the
        // portal or React DOM: jitsi-meet brings its own.
        files: [`${CORE}/jitsi-meet/**/*.{ts,tsx}`],
        ignores: [`${CORE}/jitsi-meet/registration/**`],
        rules: {
            'no-restricted-imports': [
                'error',
                {
                    patterns: [
                        { group: ['**/portal', '**/portal/**'], message: 'The fork adapter imports no portal code.' },
                        stateLibraries,
                        {
                            group: ['react-dom', 'react-dom/*'],
                            message: 'The fork adapter renders through jitsi-meet, not React DOM.',
                        },
                    ],
                },
            ],
        },
    },
    {
        // The drop-in runs in a stock jitsi-meet page: it may use the fork adapter, the core and its
        // own React root, never the portal.
        files: [`${CORE}/dropin/**/*.{ts,tsx}`],
        rules: {
            'no-restricted-imports': [
                'error',
                {
                    patterns: [
                        { group: ['**/portal', '**/portal/**'], message: 'The drop-in imports no portal code.' },
                        stateLibraries,
                    ],
                },
            ],
        },
    },
    {
        files: [`${CORE}/components/**/*.{ts,tsx}`],
        rules: {
            'no-restricted-imports': [
                'error',
                {
                    patterns: [
                        { group: ['@jitsi/*', 'lib-jitsi-meet'], message: 'Policy UI imports no Jitsi package.' },
                        { group: ['**/jitsi-meet/**', '**/portal/**'], message: 'Policy UI imports no host code.' },
                        stateLibraries,
                    ],
                },
            ],
        },
    },
);
