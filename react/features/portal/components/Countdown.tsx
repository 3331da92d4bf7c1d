import React, { useEffect, useState } from 'react';

import { usePortalText } from '../hooks';

/** Counts down visibly (and politely announced), then calls `onDone`; "Jetzt erneut versuchen" skips the wait. */
export function Countdown({ seconds, onDone }: { readonly seconds: number; readonly onDone: () => void }) {
    const { t } = usePortalText();
    const [left, setLeft] = useState(seconds);

    useEffect(() => {
        if (left <= 0) {
            onDone();

            return undefined;
        }
        const timer = setTimeout(() => setLeft(n => n - 1), 1000);

        return () => clearTimeout(timer);
    }, [left, onDone]);

    return (
        <p>
            <span role="status" aria-live="polite">
                {t('meeting.retryIn', { seconds: left })}
            </span>{' '}
            <button type="button" onClick={onDone}>
                {t('meeting.retryNow')}
            </button>
        </p>
    );
}
