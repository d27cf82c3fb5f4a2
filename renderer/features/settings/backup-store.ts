// 备份与恢复: the automatic backups in the folder, a manual backup (downloaded), a restore from a
// listed backup or an uploaded file, and the start-page recovery of a damaged workspace. The last
// restore is kept here, so its message survives the re-render that follows it.
import { create } from 'zustand';
import type { MethodOutput } from '../../../core/api/contract';
import type { ApiError, Envelope } from '../../../core/api/errors';
import type { BackupInfo, RestoreSource } from '../../../core/api/methods/backup';
import { api } from '../../api/client';
import { useAuth } from '../auth/store';

type Restored = MethodOutput<'backup.restore'>;
type Created = MethodOutput<'backup.create'>;
type Status = MethodOutput<'backup.status'>;

interface BackupState {
  dir: string;
  keep: number;
  backups: BackupInfo[];
  loading: boolean;
  error: ApiError | null;
  restored: Restored | null;
  status: Status | null;

  load(): Promise<void>;
  create(): Promise<Envelope<Created>>;
  /** `otherWorkspace`: the coordinator confirmed a copy of another workspace. */
  restore(source: RestoreSource, otherWorkspace?: boolean): Promise<Envelope<Restored>>;
  loadStatus(): Promise<Envelope<Status>>;
  recover(source: RestoreSource): Promise<Envelope<Restored>>;
}

/** Bytes of a file the user picked. */
export async function fileSource(file: File): Promise<RestoreSource> {
  return { kind: 'file', fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

export const useBackup = create<BackupState>((set, get) => ({
  dir: '',
  keep: 7,
  backups: [],
  loading: false,
  error: null,
  restored: null,
  status: null,

  async load() {
    set({ loading: true });
    const r = await api.call('backup.list', {});
    set(r.ok ? { ...r.data, loading: false, error: null } : { loading: false, error: r.error });
  },

  create: () => api.call('backup.create', {}),

  async restore(source, otherWorkspace) {
    const r = await api.call('backup.restore', {
      source,
      ...(otherWorkspace ? { otherWorkspace: true } : {}),
    });
    if (!r.ok) return r;
    set({ restored: r.data });
    if (r.data.signedIn) {
      // Everything on screen came from the replaced workspace: start over from the status.
      await useAuth.getState().init();
      await get().load();
    } else {
      api.setSession(null);
      useAuth.setState({ phase: 'login', user: null, notice: 'backup.signedOut' });
    }
    return r;
  },

  async loadStatus() {
    const r = await api.call('backup.status', {});
    if (r.ok) set({ status: r.data });
    return r;
  },

  async recover(source) {
    const r = await api.call('backup.recover', { source });
    if (r.ok) set({ restored: r.data, status: null });
    return r;
  },
}));
