// Case types (案件类型) and their synonyms, edited as a draft and saved as a whole list
// (`caseTypes.save`), so that a synonym moved from one type to another is one change.
import { create } from 'zustand';
import type { ApiError } from '../../../core/api/errors';
import type { CaseType } from '../../../core/registry/schemas';
import { api } from '../../api/client';

export interface DraftType {
  /** Local key for React; the code for saved types. */
  key: string;
  code: string | null;
  name: string;
  synonyms: string[];
  builtin: boolean;
}

interface CaseTypesState {
  saved: CaseType[];
  draft: DraftType[];
  loading: boolean;
  saving: boolean;
  error: ApiError | null;
  load(): Promise<void>;
  save(): Promise<boolean>;
  reset(): void;
  addType(name: string): void;
  removeType(key: string): void;
  rename(key: string, name: string): void;
  addSynonym(key: string, word: string): void;
  removeSynonym(key: string, word: string): void;
}

const toDraft = (types: CaseType[]): DraftType[] =>
  types.map((t) => ({
    key: t.code,
    code: t.code,
    name: t.name,
    synonyms: [...t.synonyms],
    builtin: t.builtin,
  }));

let newKey = 0;

export const useCaseTypes = create<CaseTypesState>((set, get) => {
  const edit = (key: string, change: (t: DraftType) => DraftType) =>
    set({ draft: get().draft.map((t) => (t.key === key ? change(t) : t)), error: null });

  return {
    saved: [],
    draft: [],
    loading: false,
    saving: false,
    error: null,

    async load() {
      set({ loading: true, error: null });
      const r = await api.call('caseTypes.list', {});
      set(
        r.ok
          ? { saved: r.data.caseTypes, draft: toDraft(r.data.caseTypes), loading: false }
          : { error: r.error, loading: false },
      );
    },

    async save() {
      set({ saving: true, error: null });
      const r = await api.call('caseTypes.save', {
        caseTypes: get().draft.map((t) => ({
          ...(t.code ? { code: t.code } : {}),
          name: t.name.trim(),
          synonyms: t.synonyms,
        })),
      });
      if (!r.ok) {
        set({ saving: false, error: r.error });
        return false;
      }
      set({ saving: false, saved: r.data.caseTypes, draft: toDraft(r.data.caseTypes) });
      return true;
    },

    reset() {
      set({ draft: toDraft(get().saved), error: null });
    },

    addType(name) {
      newKey += 1;
      set({
        draft: [
          ...get().draft,
          { key: `new-${newKey}`, code: null, name: name.trim(), synonyms: [], builtin: false },
        ],
        error: null,
      });
    },

    removeType(key) {
      set({ draft: get().draft.filter((t) => t.key !== key), error: null });
    },

    rename(key, name) {
      edit(key, (t) => (t.builtin ? t : { ...t, name }));
    },

    addSynonym(key, word) {
      const w = word.trim();
      if (!w) return;
      edit(key, (t) => (t.synonyms.includes(w) ? t : { ...t, synonyms: [...t.synonyms, w] }));
    },

    removeSynonym(key, word) {
      edit(key, (t) => ({ ...t, synonyms: t.synonyms.filter((s) => s !== word) }));
    },
  };
});

/** True when the draft differs from what is saved. */
export function isDirty(saved: CaseType[], draft: DraftType[]): boolean {
  const a = saved.map((t) => [t.code, t.name, t.synonyms]);
  const b = draft.map((t) => [t.code, t.name.trim(), t.synonyms]);
  return JSON.stringify(a) !== JSON.stringify(b);
}
