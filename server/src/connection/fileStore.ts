import { parseFile, type ParsedFile } from '../engine/documents';

/**
 * Parsed files by URI. A new text version reparses only the `---` documents whose text changed,
 * so an edit costs one document parse whatever the file size.
 */
export class FileStore {
  private readonly files = new Map<string, { version: number; file: ParsedFile }>();

  get(uri: string, version: number, text: () => string): ParsedFile {
    const cached = this.files.get(uri);
    if (cached && cached.version === version) return cached.file;
    const file = parseFile(text(), cached?.file);
    this.files.set(uri, { version, file });
    return file;
  }

  delete(uri: string): void { this.files.delete(uri); }
}
