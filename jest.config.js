// One Jest run over all suites, so that one totals line covers everything (tests/support/totalsReporter.js).
const common = {
    transform: { '\\.[cm]?[jt]sx?$': 'babel-jest' },
    // @jitsi/react-sdk ships ESM without "type": "module": it must be transformed.
    transformIgnorePatterns: ['/node_modules/(?!@jitsi/react-sdk/)'],
    moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
};

module.exports = {
    reporters: ['default', '<rootDir>/tests/support/totalsReporter.js'],
    projects: [
        {
            ...common,
            displayName: 'unit',
            testEnvironment: 'jsdom',
            testMatch: ['<rootDir>/tests/{unit,integration,contract,portal,docs,fork}/**/*.test.{ts,tsx}'],
            setupFilesAfterEnv: ['<rootDir>/tests/support/setupDom.ts'],
        },
        {
            ...common,
            displayName: 'server',
            testEnvironment: 'node',
            testMatch: ['<rootDir>/tests/server/**/*.test.ts'],
            // @xmpp/client and its parts are ES modules only; the accounts tool reads config.js in
            // the config sandbox, whose engine loads with import() (see the tools project).
            transformIgnorePatterns: ['/node_modules/(?!(@xmpp|ltx|saslmechanisms|@jitl|quickjs-emscripten-core)/)'],
        },
        {
            ...common,
            displayName: 'e2e',
            testEnvironment: 'node',
            testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'],
            // Where no fork build could be made (a machine without the jitsi-meet build kit, never
            // CI: tools/test/run-tests.ts), the tests on it are left out with the build.
            testPathIgnorePatterns: ['/node_modules/', ...(process.env.FORK_BUILD === 'absent' ? ['OnForkBuild'] : [])],
            // The local deployment's Jicofo model speaks XMPP with @xmpp/client (ES modules only); the
            // accounts tool reads config.js in the config sandbox (see the server project).
            transformIgnorePatterns: ['/node_modules/(?!(@xmpp|ltx|saslmechanisms|@jitl|quickjs-emscripten-core)/)'],
        },
        {
            ...common,
            displayName: 'upstream',
            testEnvironment: 'jsdom',
            testMatch: ['<rootDir>/tests/upstream/**/*.test.{ts,tsx}'],
            globalSetup: '<rootDir>/tests/upstream/unpackSdk.ts',
            setupFilesAfterEnv: ['<rootDir>/tests/support/setupDom.ts'],
            // Web first, as jitsi-meet's web build resolves.
            moduleFileExtensions: ['web.ts', 'web.tsx', 'ts', 'tsx', 'js', 'json'],
            moduleNameMapper: {
                '^jitsi-meet/(.*)$': '<rootDir>/.cache/jitsi-sdk/package/react/features/$1',
                '^\\.\\./participants/functions$': '<rootDir>/tests/upstream/stubs/participantsFunctions.ts',
                '^\\.\\./\\.\\./visitors/functions$': '<rootDir>/tests/upstream/stubs/visitorsFunctions.ts',
                // Only lib-jitsi-meet's own folder imports './_' (the page global JitsiMeetJS).
                '^\\./_$': '<rootDir>/tests/upstream/stubs/libJitsiMeet.ts',
            },
            transformIgnorePatterns: ['/node_modules/(?!(lodash-es|@jitsi/js-utils)/)'],
        },
        {
            ...common,
            displayName: 'tools',
            testEnvironment: 'node',
            testMatch: ['<rootDir>/tests/tools/**/*.test.ts'],
            // The config sandbox's engine loads its WebAssembly glue with import(), which Jest's
            // CommonJS runtime only runs once Babel has turned it into require().
            transformIgnorePatterns: ['/node_modules/(?!(@jitl|quickjs-emscripten-core)/)'],
        },
    ],
};
