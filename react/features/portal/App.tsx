import React from 'react';
import { Provider } from 'react-redux';

import { LangContext } from '../school-policy/components/web';

import { Layout } from './components/Layout';
import { useAppSelector, usePortalText } from './hooks';
import { HostContext } from './HostContext';
import { CleanupPage } from './pages/CleanupPage';
import { EndedPage } from './pages/EndedPage';
import { MeetingPage } from './pages/MeetingPage';
import { SettingsErrorPage } from './pages/SettingsErrorPage';
import { StartPage } from './pages/StartPage';
import { StudentPage } from './pages/StudentPage';
import { TeacherPage } from './pages/TeacherPage';
import { UsagePolicyPage } from './pages/UsagePolicyPage';
import { PATHS, Router, useRouter } from './router';
import { readSettings } from './settings';
import { SettingsContext } from './SettingsContext';
import type { makeStore } from './store';

/** Options for tests: e.g. a shorter time limit for loading external_api.js. */
export interface AppOptions {
    readonly apiTimeoutMs?: number;
}

function Page({ options }: { readonly options: AppOptions }) {
    const { path } = useRouter();
    const { t } = usePortalText();

    switch (path) {
        case PATHS.start:
            return <StartPage />;
        case PATHS.teacher:
            return <TeacherPage />;
        case PATHS.student:
            return <StudentPage />;
        case PATHS.meeting:
            return <MeetingPage apiTimeoutMs={options.apiTimeoutMs} />;
        case PATHS.ended:
            return <EndedPage />;
        case PATHS.cleanup:
            return <CleanupPage />;
        case PATHS.policy:
            return <UsagePolicyPage />;
        default:
            return <h1>{t('notFound.heading')}</h1>;
    }
}

function Shell({ config, options }: { readonly config: unknown; readonly options: AppOptions }) {
    const lang = useAppSelector(state => state.portal.lang);
    const result = readSettings(config);

    return (
        <LangContext.Provider value={lang}>
            <Router>
                {result.ok ? (
                    <SettingsContext.Provider value={result.settings}>
                        <Layout settings={result.settings}>
                            <Page options={options} />
                        </Layout>
                    </SettingsContext.Provider>
                ) : (
                    <Layout settings={null}>
                        <SettingsErrorPage problems={result.problems} />
                    </Layout>
                )}
            </Router>
        </LangContext.Provider>
    );
}

/** The portal: the deployment's config (the `config` global), a store and its host. */
export function App({
    config,
    store,
    host,
    options = {},
}: { readonly config: unknown; readonly options?: AppOptions } & ReturnType<typeof makeStore>) {
    return (
        <Provider store={store}>
            <HostContext.Provider value={host}>
                <Shell config={config} options={options} />
            </HostContext.Provider>
        </Provider>
    );
}
