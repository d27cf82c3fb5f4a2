// Template content as stored: canonical JSON (keys in schema order, as parsed) and its SHA-256,
// which a campaign records with the version it pins.
import { createHash } from 'node:crypto';
import { TemplateContentSchema, type TemplateContent } from '../../../core/standards/model';

export function contentJson(content: TemplateContent): string {
  return JSON.stringify(TemplateContentSchema.parse(content));
}

export function contentHash(json: string): string {
  return createHash('sha256').update(json, 'utf8').digest('hex');
}

export function parseContent(json: string): TemplateContent {
  return TemplateContentSchema.parse(JSON.parse(json));
}
