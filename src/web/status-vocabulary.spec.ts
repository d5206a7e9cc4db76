import { APPLICATION_STATUSES } from '../applications/application-status';
import { STATUS_ZH } from '../i18n/application-notices';
import { translator } from '../i18n/web/i18n';
import { LANGS } from '../i18n/web/messages';
import { STATUS_READERS, statusKey, statusWord } from '../i18n/status-vocabulary';

describe('status vocabulary', () => {
  it('has a word for every status, every reader and every language, shown by t()', () => {
    for (const lang of LANGS) {
      const t = translator(lang);
      for (const reader of STATUS_READERS) {
        for (const status of APPLICATION_STATUSES) {
          const word = statusWord(lang, reader, status);
          expect([lang, reader, status, word.trim().length > 0]).toEqual([lang, reader, status, true]);
          expect(t(statusKey(reader, status))).toBe(word);
        }
      }
    }
  });

  it('names one step with one word: a hire is 已上岗 for everyone, never 已入职', () => {
    for (const reader of STATUS_READERS) expect(statusWord('zh', reader, 'hired')).toBe('已上岗');
    const all = LANGS.flatMap((l) =>
      STATUS_READERS.flatMap((r) => APPLICATION_STATUSES.map((s) => statusWord(l, r, s))),
    );
    for (const stale of ['已入职', '邀请面试', '企业要您了', '已录用通知']) {
      expect(all.filter((w) => w.includes(stale))).toEqual([]);
    }
  });

  it("gives each reader distinct words, and the resident's notification the resident's word", () => {
    for (const reader of STATUS_READERS) {
      const words = APPLICATION_STATUSES.map((s) => statusWord('zh', reader, s));
      expect(new Set(words).size).toBe(words.length);
    }
    // The employer reads about its applicant, not a sentence addressed to the resident.
    for (const s of APPLICATION_STATUSES) expect(statusWord('zh', 'employer', s)).not.toMatch(/您/);
    for (const s of APPLICATION_STATUSES) expect(STATUS_ZH[s]).toBe(statusWord('zh', 'resident', s));
  });
});
