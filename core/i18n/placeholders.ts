// Whether a rendered message still shows a placeholder ("{{name}}") that its parameters did not
// fill. The parameters' own values are taken out first: a user's cell may itself contain "{{".
export function hasUnfilledPlaceholder(
  text: string,
  params: Readonly<Record<string, unknown>> = {},
): boolean {
  let rest = text;
  for (const v of Object.values(params)) {
    const s = String(v);
    if (s) rest = rest.split(s).join('');
  }
  return rest.includes('{{');
}
