import { screen, within } from '@testing-library/react';

import { de, en } from '../../react/features/portal/messages';
import { de as uiDe, en as uiEn } from '../../react/features/school-policy/components/web/messages';
import { renderPortal, TEST_CONFIG } from '../support/renderPortal';

describe('start page', () => {
    it('offers the two paths, the centre’s name, and on every page the footer links (R5, R1)', async () => {
        const { user } = renderPortal();

        expect(screen.getByText('Kreismedienzentrum Musterkreis')).toBeInTheDocument();
        expect(screen.getByRole('link', { name: 'Meeting starten (Lehrkraft)' })).toHaveAttribute('href', '/lehrkraft');
        expect(screen.getByRole('link', { name: 'Meeting beitreten' })).toHaveAttribute('href', '/beitreten');
        const footer = screen.getByRole('navigation', { name: 'Weitere Seiten' });

        expect(within(footer).getByRole('link', { name: 'Missbrauch melden' })).toHaveAttribute(
            'href',
            'mailto:missbrauch@medienzentrum.example.org',
        );
        expect(within(footer).getByRole('link', { name: 'Nutzungsbedingungen des Medienzentrums' })).toHaveAttribute(
            'href',
            'https://medienzentrum.example.org/nutzungsordnung',
        );

        await user.click(screen.getByRole('link', { name: 'Meeting beitreten' }));
        expect(screen.getByRole('heading', { name: 'Meeting beitreten' })).toBeInTheDocument();
        expect(screen.getByRole('link', { name: 'Missbrauch melden' })).toBeInTheDocument();
    });

    it('switches to English and back', async () => {
        const { user } = renderPortal();

        await user.click(screen.getByRole('button', { name: 'English' }));
        expect(screen.getByRole('link', { name: 'Start a meeting (teacher)' })).toBeInTheDocument();
        expect(document.documentElement.lang).toBe('en');
        expect(screen.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
        await user.click(screen.getByRole('button', { name: 'Deutsch' }));
        expect(screen.getByRole('link', { name: 'Meeting starten (Lehrkraft)' })).toBeInTheDocument();
    });

    it('prints the usage policy with all ten rules and the centre’s name (R1)', async () => {
        const { user } = renderPortal({ path: '/nutzungsordnung' });

        expect(
            screen.getByRole('heading', { name: 'Nutzungsordnung für Videokonferenzen mit Jitsi Meet' }),
        ).toBeInTheDocument();
        expect(screen.getByText(/Nutzungsbedingungen von Kreismedienzentrum Musterkreis/)).toBeInTheDocument();
        expect(screen.getAllByRole('heading', { level: 2 })).toHaveLength(10);
        expect(screen.getByText('Bild-, Ton- und Videoaufzeichnungen von Meetings sind verboten.')).toBeInTheDocument();
        const print = jest.fn();

        window.print = print;
        await user.click(screen.getByRole('button', { name: 'Drucken' }));
        expect(print).toHaveBeenCalled();
    });
});

describe('settings from config.js', () => {
    it('shows the admin what is missing instead of a blank page', () => {
        renderPortal({ config: undefined });

        expect(screen.getByRole('alert')).toHaveTextContent('Das Portal ist nicht richtig eingerichtet');
        expect(screen.getByText(/config.js wurde nicht geladen/)).toBeInTheDocument();
    });

    it('lists every problem of a malformed section', () => {
        renderPortal({
            config: {
                schoolPolicy: {
                    jitsiDomain: 'http://meet.example.org/pfad',
                    centreName: ' ',
                    misuseContact: 'irgendwer',
                    cleanupEndpoint: 'https://evil.example/x',
                },
            },
        });

        expect(screen.getByText(/jitsiDomain“ ist keine gültige Adresse/)).toBeInTheDocument();
        expect(screen.getByText(/centreName“ ist leer/)).toBeInTheDocument();
        expect(screen.getByText(/misuseContact“ ist weder/)).toBeInTheDocument();
        expect(screen.getByText(/cleanupEndpoint“ ist kein Pfad/)).toBeInTheDocument();
    });

    it('says that no Jitsi domain is configured', () => {
        renderPortal({ config: { schoolPolicy: { ...TEST_CONFIG.schoolPolicy, jitsiDomain: '' } } });

        expect(screen.getByText(/jitsiDomain“ ist leer/)).toBeInTheDocument();
    });
});

describe('translations', () => {
    it('have every key in German and English, with the same placeholders', () => {
        for (const [german, english] of [
            [de, en],
            [uiDe, uiEn],
        ] as [Record<string, string>, Record<string, string>][]) {
            expect(Object.keys(english).sort()).toEqual(Object.keys(german).sort());
            for (const key of Object.keys(german)) {
                const placeholders = (text: string | undefined) => (text?.match(/\{\w+\}/g) ?? []).sort();

                expect([key, placeholders(english[key])]).toEqual([key, placeholders(german[key])]);
                expect(english[key]?.trim()).not.toBe('');
            }
        }
    });
});
