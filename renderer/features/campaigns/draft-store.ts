// What the coordinator prepares before the draw, per campaign: the sampling plan and the
// must-include files (kept on this device, so a reload does not lose them), and the seed parts
// of the ceremony with whether the commitment was recorded (kept in memory only: a seed is made
// afresh in front of the witnesses, never taken from storage).
import { create } from 'zustand';
import type { MethodInput } from '../../../core/api/contract';
import type { SeedPart } from '../../../core/draw/draw';

export type FilePlan = MethodInput<'campaigns.drawFiles'>['plan'];
export type PlanKind = FilePlan['kind'];

/** A must-include file with what the screen shows of it. */
export interface MustItem {
  id: string;
  reason: string;
  caseNo: string;
  departmentName: string;
  caseType: string;
}

export interface PlanDraft {
  plan: FilePlan;
  mustInclude: MustItem[];
}

export interface SeedDraft {
  parts: SeedPart[];
  /** The witnesses have recorded the commitment: the parts may no longer change. */
  locked: boolean;
}

export const DEFAULT_PLANS: { [K in PlanKind]: Extract<FilePlan, { kind: K }> } = {
  type_totals: { kind: 'type_totals', totals: {} },
  department_quota: { kind: 'department_quota', quota: 3, byType: false },
  proportional: { kind: 'proportional', total: 60, min: 1, max: 5 },
};

export const EMPTY_PLAN_DRAFT: PlanDraft = { plan: DEFAULT_PLANS.type_totals, mustInclude: [] };
export const EMPTY_SEED: SeedDraft = { parts: [], locked: false };

const storageKey = (id: string) => `campaigns.plan.${id}`;

function stored(id: string): PlanDraft {
  try {
    const raw = JSON.parse(localStorage.getItem(storageKey(id)) ?? 'null') as PlanDraft | null;
    if (raw && typeof raw.plan?.kind === 'string' && Array.isArray(raw.mustInclude)) return raw;
  } catch {
    // A damaged value falls back to the default plan.
  }
  return EMPTY_PLAN_DRAFT;
}

interface DraftState {
  plans: Record<string, PlanDraft>;
  seeds: Record<string, SeedDraft>;
  /** Reads the stored plan of a campaign once, when its page opens. */
  ensure(id: string): void;
  setPlan(id: string, plan: FilePlan): void;
  addMust(id: string, item: MustItem): void;
  removeMust(id: string, caseId: string): void;
  addPart(id: string, part: SeedPart): void;
  removePart(id: string, index: number): void;
  setLocked(id: string, locked: boolean): void;
  /** After the draw the seed is in the record; a later ceremony starts afresh. */
  clearSeed(id: string): void;
}

export const useDrafts = create<DraftState>((set, get) => {
  const savePlan = (id: string, draft: PlanDraft) => {
    localStorage.setItem(storageKey(id), JSON.stringify(draft));
    set({ plans: { ...get().plans, [id]: draft } });
  };
  const plan = (id: string) => get().plans[id] ?? EMPTY_PLAN_DRAFT;
  const seed = (id: string) => get().seeds[id] ?? EMPTY_SEED;
  const saveSeed = (id: string, draft: SeedDraft) =>
    set({ seeds: { ...get().seeds, [id]: draft } });

  return {
    plans: {},
    seeds: {},

    ensure(id) {
      if (!get().plans[id]) set({ plans: { ...get().plans, [id]: stored(id) } });
    },

    setPlan(id, p) {
      savePlan(id, { ...plan(id), plan: p });
    },

    addMust(id, item) {
      const d = plan(id);
      if (d.mustInclude.some((m) => m.id === item.id)) return;
      savePlan(id, { ...d, mustInclude: [...d.mustInclude, item] });
    },

    removeMust(id, caseId) {
      const d = plan(id);
      savePlan(id, { ...d, mustInclude: d.mustInclude.filter((m) => m.id !== caseId) });
    },

    addPart(id, part) {
      const s = seed(id);
      if (!s.locked) saveSeed(id, { ...s, parts: [...s.parts, part] });
    },

    removePart(id, index) {
      const s = seed(id);
      if (!s.locked) saveSeed(id, { ...s, parts: s.parts.filter((_p, i) => i !== index) });
    },

    setLocked(id, locked) {
      saveSeed(id, { ...seed(id), locked });
    },

    clearSeed(id) {
      const seeds = { ...get().seeds };
      delete seeds[id];
      set({ seeds });
    },
  };
});

/** Digits from the platform's cryptographic generator, without modulo bias. */
export function randomDigits(count: number): string {
  let out = '';
  const buf = new Uint8Array(64);
  while (out.length < count) {
    crypto.getRandomValues(buf);
    for (const b of buf) {
      if (b < 250 && out.length < count) out += String(b % 10);
    }
  }
  return out;
}
