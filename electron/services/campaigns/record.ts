// The draw record (抽取记录) as exported for machines, and the published populations.
import type { DrawRecord, StreamPopulation } from '../../../core/draw/draw';

export const RECORD_FORMAT = 'anjuan-draw/1';
export const POPULATIONS_FORMAT = 'anjuan-draw-populations/1';

export interface CampaignDrawRecord extends DrawRecord {
  format: typeof RECORD_FORMAT;
  campaign: { id: string; name: string; year: number; organiser: string };
  filePlan: unknown;
  fileMustInclude: { key: string; reason: string }[];
  evaluatorPlan?: {
    count: number;
    legalOfficersOnly: boolean;
    activeOnly: boolean;
    departments: string[];
    maxPerDepartment: number | null;
    mustInclude: { key: string; name: string; reason: string }[];
    exclude: { key: string; name: string; reason: string }[];
  };
  drawnBy: string;
  drawnAt: string;
  evaluatorsDrawnAt?: string;
}

export interface PublishedPopulations {
  format: typeof POPULATIONS_FORMAT;
  campaignId: string;
  streams: StreamPopulation[];
  /**
   * Who the evaluator stream's keys are (person ids mean nothing outside the workspace): name and
   * department of every person in that population, in its order. Not part of the manifest.
   */
  people?: { key: string; name: string; department: string }[];
}
