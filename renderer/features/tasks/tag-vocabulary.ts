// The workspace's problem-tag vocabulary (`tags.list`) for the tag pickers of the scoring and
// 复核 screens: the coordinator may rename tags, add their own and deactivate some, so the
// pickers offer what the workspace holds, not the built-in list. Until it has loaded (or when the
// call fails) the built-in vocabulary stands in, so a picker is never empty.
import { useEffect } from 'react';
import { create } from 'zustand';
import { DEFAULT_TAGS } from '../../../core/standards/tags';
import { api } from '../../api/client';

export interface VocabularyTag {
  code: string;
  name: string;
  active: boolean;
}

interface VocabularyState {
  tags: readonly VocabularyTag[];
  names: ReadonlyMap<string, string>;
  loaded: boolean;
  load(): Promise<void>;
}

const namesOf = (tags: readonly VocabularyTag[]) => new Map(tags.map((g) => [g.code, g.name]));
const BUILT_IN = DEFAULT_TAGS.map((g) => ({ code: g.code, name: g.name, active: true }));

export const useTagVocabulary = create<VocabularyState>((set, get) => ({
  tags: BUILT_IN,
  names: namesOf(BUILT_IN),
  loaded: false,
  async load() {
    if (get().loaded) return;
    const r = await api.call('tags.list', {});
    if (r.ok) set({ tags: r.data.tags, names: namesOf(r.data.tags), loaded: true });
  },
}));

/** The vocabulary, loading it on first use. */
export function useTags() {
  const state = useTagVocabulary();
  const { load } = state;
  useEffect(() => void load(), [load]);
  return state;
}

export function tagLabel(names: ReadonlyMap<string, string>, code: string): string {
  const name = names.get(code);
  return name ? `${code} ${name}` : code;
}
