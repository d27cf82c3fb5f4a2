// The population a campaign draws from: the registry files its scope covers, minus files drawn in
// other campaigns unless the scope includes them on purpose.
import type { Scope } from '../../../core/campaigns/schemas';
import { fileKey, type PopulationFile } from '../../../core/draw/draw';
import type { Repos } from '../../../db';

export function drawPopulation(
  repos: Repos,
  campaignId: string,
  scope: Scope,
): { files: PopulationFile[]; previouslyDrawn: number } {
  const names = new Map(repos.caseTypes.list().map((t) => [t.code, t.name]));
  const elsewhere = scope.includePreviouslyDrawn
    ? new Set<string>()
    : repos.campaigns.drawnElsewhere(campaignId);
  const all = repos.campaigns.population(scope);
  const files: PopulationFile[] = [];
  for (const r of all) {
    if (elsewhere.has(r.id)) continue;
    files.push({
      id: r.id,
      key: fileKey(r.caseNo, r.departmentName),
      caseType: r.caseType,
      typeName: names.get(r.caseType) ?? r.caseType,
      departmentId: r.departmentId,
      departmentName: r.departmentName,
    });
  }
  return { files, previouslyDrawn: all.length - files.length };
}
