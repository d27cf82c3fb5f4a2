// 问题标签: the problem-tag vocabulary (groups A–H, domain.md §3), edited as a draft and saved as a
// whole list (`tags.save`). Tags are never deleted (findings may refer to them), only deactivated.
import { create } from 'zustand';
import type { MethodOutput } from '../../../core/api/contract';
import type { ApiError } from '../../../core/api/errors';
import { api } from '../../api/client';

export type TagGroup = MethodOutput<'tags.list'>['groups'][number];
export type ProblemTag = MethodOutput<'tags.list'>['tags'][number];

interface TagsState {
  groups: TagGroup[];
  saved: ProblemTag[];
  draft: ProblemTag[];
  loading: boolean;
  saving: boolean;
  error: ApiError | null;

  load(): Promise<void>;
  /** Loads unless there are unsaved changes (coming back to the tab keeps them). */
  loadIfClean(): Promise<void>;
  save(): Promise<boolean>;
  reset(): void;
  /** Adds a tag at the end of its group; false when the code is taken. */
  add(tag: { code: string; name: string; group: string }): boolean;
  rename(code: string, name: string): void;
  setActive(code: string, active: boolean): void;
}

export const useTags = create<TagsState>((set, get) => ({
  groups: [],
  saved: [],
  draft: [],
  loading: false,
  saving: false,
  error: null,

  async load() {
    set({ loading: true });
    const r = await api.call('tags.list', {});
    set(
      r.ok
        ? {
            groups: r.data.groups,
            saved: r.data.tags,
            draft: r.data.tags,
            loading: false,
            error: null,
          }
        : { loading: false, error: r.error },
    );
  },

  async loadIfClean() {
    const s = get();
    if (s.saved.length && tagsDirty(s.saved, s.draft)) return;
    await s.load();
  },

  async save() {
    set({ saving: true, error: null });
    const r = await api.call('tags.save', {
      tags: get().draft.map((t) => ({
        code: t.code,
        group: t.group,
        name: t.name.trim(),
        active: t.active,
      })),
    });
    if (!r.ok) {
      set({ saving: false, error: r.error });
      return false;
    }
    set({ saving: false, groups: r.data.groups, saved: r.data.tags, draft: r.data.tags });
    return true;
  },

  reset() {
    set({ draft: get().saved, error: null });
  },

  add(tag) {
    const code = tag.code.trim().toUpperCase();
    const draft = get().draft;
    if (draft.some((t) => t.code.toUpperCase() === code)) return false;
    // Kept with its group, so the saved order (the `sort` column) stays grouped.
    const last = draft.map((t) => t.group).lastIndexOf(tag.group);
    const next = [...draft];
    next.splice(last < 0 ? next.length : last + 1, 0, {
      code,
      group: tag.group,
      name: tag.name.trim(),
      active: true,
    });
    set({ draft: next, error: null });
    return true;
  },

  rename(code, name) {
    set({ draft: get().draft.map((t) => (t.code === code ? { ...t, name } : t)), error: null });
  },

  setActive(code, active) {
    set({ draft: get().draft.map((t) => (t.code === code ? { ...t, active } : t)), error: null });
  },
}));

export function tagsDirty(saved: readonly ProblemTag[], draft: readonly ProblemTag[]): boolean {
  const key = (list: readonly ProblemTag[]) =>
    JSON.stringify(list.map((t) => [t.code, t.group, t.name.trim(), t.active]));
  return key(saved) !== key(draft);
}
