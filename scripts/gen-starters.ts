// Writes snippets/kops-starters.json: the whole-file starters the language server offers in an empty file, as a
// VS Code snippet file for other editors' snippet tools.
import { writeFileSync } from 'fs';
import { join } from 'path';
import { starterSnippetFile } from '../server/src/engine';

const target = join(__dirname, '..', 'snippets', 'kops-starters.json');
writeFileSync(target, `${JSON.stringify(starterSnippetFile(), null, 2)}\n`);
console.log(`wrote ${target}`);
