import { de, describeLogEvent, en, format, logDe, logEn } from '../../react/features/school-policy';

describe('the core’s message catalogues', () => {
    it('have the same keys in German and English, none empty', () => {
        expect(Object.keys(en).sort()).toEqual(Object.keys(de).sort());
        Object.values({ ...de, ...en }).forEach(text => expect(text.trim()).not.toBe(''));
    });

    it('use the same placeholders in both languages', () => {
        const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();

        (Object.keys(de) as (keyof typeof de)[]).forEach(key => {
            expect([key, placeholders(en[key])]).toEqual([key, placeholders(de[key])]);
        });
    });

    it('leaves a missing parameter visible instead of dropping it', () => {
        expect(format('mindestens {min} Zeichen', {})).toBe('mindestens {min} Zeichen');
        expect(format('mindestens {min} Zeichen', { min: 8 })).toBe('mindestens 8 Zeichen');
    });

    it('describe the policy’s log in both languages, and show an unknown event by its name', () => {
        expect(Object.keys(logEn).sort()).toEqual(Object.keys(logDe).sort());
        Object.values({ ...logDe, ...logEn }).forEach(text => expect(text.trim()).not.toBe(''));
        expect(describeLogEvent('de', 'locked')).toBe('Raum mit dem Passwort gesperrt');
        expect(describeLogEvent('en', 'locked')).toBe('Locked the room with the password');
        expect(describeLogEvent('de', 'somethingNew')).toBe('somethingNew');
        expect(describeLogEvent('en', 'toString')).toBe('toString');
    });
});
