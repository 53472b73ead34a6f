import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';

export type Language = 'zh' | 'en';

interface I18n {
  language: Language;
  setLanguage(language: Language): void;
  /** The Chinese text, or its English when the English switch is on. */
  t(chinese: string, english: string): string;
}

const I18nContext = createContext<I18n>({ language: 'zh', setLanguage: () => undefined, t: (chinese) => chinese });

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguage] = useState<Language>(() => (localStorage.getItem('yikatong.language') === 'en' ? 'en' : 'zh'));
  const value = useMemo<I18n>(
    () => ({
      language,
      setLanguage: (next) => {
        localStorage.setItem('yikatong.language', next);
        document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
        setLanguage(next);
      },
      t: (chinese, english) => (language === 'zh' ? chinese : english),
    }),
    [language],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export const useI18n = () => useContext(I18nContext);
