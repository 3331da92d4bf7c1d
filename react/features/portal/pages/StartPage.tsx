import React from 'react';
import { usePortalText } from '../hooks';
import { Link, PATHS } from '../router';

/** The front door: two obvious paths. */
export function StartPage() {
    const { t } = usePortalText();

    return (
        <>
            <h1>{t('app.title')}</h1>
            <p>{t('start.intro')}</p>
            <div className="choices">
                <Link to={PATHS.teacher} className="choice">
                    {t('start.teacher')}
                </Link>
                <Link to={PATHS.student} className="choice">
                    {t('start.student')}
                </Link>
            </div>
        </>
    );
}
