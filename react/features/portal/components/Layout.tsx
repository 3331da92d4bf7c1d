import React, { useEffect, type ReactNode } from 'react';

import type { Lang } from '../../school-policy';
import { useAppDispatch, usePortalText } from '../hooks';
import { portalActions } from '../portalSlice';
import { Link, PATHS } from '../router';
import { logoAddress } from '../../school-policy/policy/centreIdentity';
import type { Settings } from '../settings';

/** Page frame: skip link, header with the centre's name, main, and the footer on every page. */
export function Layout({ settings, children }: { readonly settings: Settings | null; readonly children: ReactNode }) {
    const { lang, t } = usePortalText();
    const dispatch = useAppDispatch();

    useEffect(() => {
        document.documentElement.lang = lang;
        document.title = settings ? `${settings.centreName}: ${t('app.title')}` : t('app.title');
    }, [lang, settings, t]);

    const colour = settings?.identity.colour;

    useEffect(() => {
        // The media centre's colour (checked for white text on it, and so for it on white).
        if (colour) {
            document.documentElement.style.setProperty('--brand', colour);
        }
    }, [colour]);
    const logo = settings ? logoAddress(settings.identity.logoUrl, settings.jitsiOrigin) : null;

    const choose = (next: Lang) => dispatch(portalActions.languageChosen(next));

    return (
        <>
            <a className="skip" href="#main">
                {t('app.skip')}
            </a>
            <header className="site-header">
                {/* Decorative: the centre's name is the text beside it. */}
                {logo && <img className="logo" src={logo} alt="" />}
                <p className="centre">{settings?.centreName}</p>
                <p className="product">{t('app.title')}</p>
            </header>
            <main id="main" tabIndex={-1}>
                {children}
            </main>
            <footer className="site-footer">
                <nav aria-label={t('footer.label')}>
                    <ul>
                        <li>
                            <Link to={PATHS.policy}>{t('footer.policy')}</Link>
                        </li>
                        {settings && (
                            <li>
                                <a href={settings.misuseContact}>{t('footer.misuse')}</a>
                            </li>
                        )}
                        <li>
                            <Link to={PATHS.cleanup}>{t('footer.cleanup')}</Link>
                        </li>
                        {settings?.termsUrl && (
                            <li>
                                <a href={settings.termsUrl}>{t('footer.terms')}</a>
                            </li>
                        )}
                        {settings?.identity.privacyUrl && (
                            <li>
                                <a href={settings.identity.privacyUrl}>{t('footer.privacy')}</a>
                            </li>
                        )}
                    </ul>
                </nav>
                <div role="group" aria-label={t('footer.language')} className="languages">
                    <button type="button" lang="de" aria-pressed={lang === 'de'} onClick={() => choose('de')}>
                        Deutsch
                    </button>
                    <button type="button" lang="en" aria-pressed={lang === 'en'} onClick={() => choose('en')}>
                        English
                    </button>
                </div>
            </footer>
        </>
    );
}
