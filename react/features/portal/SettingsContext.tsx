import { createContext, useContext } from 'react';

import type { Settings } from './settings';

/** The deployment's settings, checked before the app renders. */
export const SettingsContext = createContext<Settings | null>(null);

/** The settings; only used below a provider, which App guarantees. */
export function useSettings(): Settings {
    const settings = useContext(SettingsContext);

    if (!settings) {
        throw new Error('useSettings outside SettingsContext');
    }

    return settings;
}
