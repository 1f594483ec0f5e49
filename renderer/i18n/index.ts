import { create } from 'zustand';
import { en } from './en';
import { zhCN, type MessageKey } from './zh-CN';

export type Locale = 'zh-CN' | 'en';

const dictionaries: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

type LocaleState = { locale: Locale; setLocale: (l: Locale) => void };

const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem('locale');

export const useLocale = create<LocaleState>((set) => ({
  locale: stored === 'en' ? 'en' : 'zh-CN',
  setLocale: (locale) => {
    localStorage.setItem('locale', locale);
    set({ locale });
  },
}));

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function useT(): Translate {
  const locale = useLocale((s) => s.locale);
  return (key, vars) => {
    const template = dictionaries[locale][key];
    return vars
      ? template.replace(/\{(\w+)\}/g, (_, v: string) => String(vars[v] ?? ''))
      : template;
  };
}

/**
 * A feature's own messages, Chinese first, with the English beside them: features add their words
 * without touching the shell's dictionary. `const useM = defineMessages({ zh: {...}, en: {...} })`.
 */
export function defineMessages<K extends string>(dict: {
  zh: Record<K, string>;
  en: Record<K, string>;
}): () => (key: K, vars?: Record<string, string | number>) => string {
  return () => {
    const locale = useLocale((s) => s.locale);
    return (key, vars) => {
      const template = (locale === 'en' ? dict.en : dict.zh)[key];
      return vars
        ? template.replace(/\{(\w+)\}/g, (_, v: string) => String(vars[v] ?? ''))
        : template;
    };
  };
}
