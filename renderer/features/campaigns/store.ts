// 评查活动 list: every campaign with its state and counts (a handful a year, so loaded whole),
// creating one and deleting a draft; and verifying an exported draw record, which needs no
// campaign of this workspace at all.
import { create } from 'zustand';
import type { ApiError, Envelope } from '../../../core/api/errors';
import type { MethodOutput } from '../../../core/api/contract';
import type { Campaign } from '../../../core/api/methods/campaigns';
import { api } from '../../api/client';

interface CampaignListState {
  campaigns: Campaign[];
  loading: boolean;
  error: ApiError | null;
  load(): Promise<void>;
  create(name: string, year: number): Promise<Envelope<Campaign>>;
  remove(id: string): Promise<Envelope<{ ok: true }>>;
  verify(record: File, populations: File): Promise<Envelope<Verification>>;
}

export type Verification = MethodOutput<'campaigns.verifyDraw'>;

const asFile = async (f: File) => ({
  fileName: f.name,
  bytes: new Uint8Array(await f.arrayBuffer()),
});

export const useCampaignList = create<CampaignListState>((set, get) => ({
  campaigns: [],
  loading: false,
  error: null,

  async load() {
    set({ loading: true });
    const r = await api.call('campaigns.list', {});
    set(
      r.ok
        ? { campaigns: r.data.campaigns, loading: false, error: null }
        : { error: r.error, loading: false },
    );
  },

  async create(name, year) {
    const r = await api.call('campaigns.create', { name, year });
    if (r.ok) void get().load();
    return r;
  },

  async remove(id) {
    const r = await api.call('campaigns.delete', { id });
    if (r.ok) await get().load();
    return r;
  },

  async verify(record, populations) {
    return api.call('campaigns.verifyDraw', {
      record: await asFile(record),
      populations: await asFile(populations),
    });
  },
}));
