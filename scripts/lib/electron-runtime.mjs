// Whether the Electron runtime binary is installed. The npm package is always installed; its
// binary comes from GitHub (`npx install-electron`), which some machines cannot reach.
import fs from 'node:fs';
import path from 'node:path';

export function electronBinary(root = process.cwd()) {
  const pkg = path.join(root, 'node_modules', 'electron');
  try {
    const rel = fs.readFileSync(path.join(pkg, 'path.txt'), 'utf8').trim();
    const bin = path.join(pkg, 'dist', rel);
    return fs.existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

export function electronVersion(root = process.cwd()) {
  return JSON.parse(
    fs.readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8'),
  ).version;
}
