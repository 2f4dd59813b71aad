// Writes snippets/kops-cilium.json: the Cilium scenario snippets for the newest kops release.
import { writeFileSync } from 'fs';
import { join } from 'path';
import { newestKops } from '../server/src/engine';
import { snippetFile } from './ciliumSnippets';

const target = join(__dirname, '..', 'snippets', 'kops-cilium.json');
writeFileSync(target, `${JSON.stringify(snippetFile(newestKops()), null, 2)}\n`);
console.log(`wrote ${target}`);
