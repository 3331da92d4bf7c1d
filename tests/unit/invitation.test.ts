import { cleanInvitationLink, invitationText } from '../../react/features/school-policy';

const base = {
    link: 'https://schule.example.org/join?room=mathe-7b-k3x9q4m7',
    centreName: 'Kreismedienzentrum Musterkreis',
};

describe('invitationText', () => {
    it('says in German that pseudonyms are fine, camera and microphone may stay off, and no recording (R7, R9, R10)', () => {
        const text = invitationText({ ...base, lang: 'de', title: 'Mathe 7b' });

        expect(text).toContain('Einladung zum Online-Unterricht: Mathe 7b');
        expect(text).toContain('https://schule.example.org/join?room=mathe-7b-k3x9q4m7');
        expect(text).toContain('ausgedachten Namen');
        expect(text).toContain('Kamera und Mikrofon können ausgeschaltet bleiben.');
        expect(text).toContain('Aufnahmen sind verboten');
        expect(text).toContain('nicht im Bus');
        expect(text).toContain('Das Passwort bekommst du kurz vor Beginn');
        expect(text).toContain('Kreismedienzentrum Musterkreis');
    });

    it('says the same in English', () => {
        const text = invitationText({ ...base, lang: 'en' });

        expect(text).toContain('made-up name');
        expect(text).toContain('Camera and microphone may stay off.');
        expect(text).toContain('Recordings are prohibited');
    });

    it('never carries a secret or a config override from the link (R6)', () => {
        const text = invitationText({
            ...base,
            lang: 'de',
            link: 'https://user:geheim@schule.example.org/join?room=mathe&password=Igel-Kerze-40817#config.localRecording={"disable":false}',
        });

        expect(text).not.toContain('Igel-Kerze-40817');
        expect(text).not.toContain('geheim');
        expect(text).not.toContain('#config');
        expect(text).not.toContain('password=');
        expect(cleanInvitationLink('https://a.example/join?room=x&x=1#y')).toBe('https://a.example/join?room=x');
    });
});
