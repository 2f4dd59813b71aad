import { strict as assert } from 'assert';
import { FileStore, type TextSource } from '../../server/src/session/fileStore';
import { nextTurn } from '../../server/src/session/timeSlice';
import { parseFile, type ParsedFile } from '../../server/src/engine/document/documents';
import { hover } from '../../server/src/engine/features/hover';
import { effectiveKopsVersion } from '../../server/src/engine/kops/effectiveVersion';
import { positionOf } from '../helpers/marker';
import { kopsDocument } from '../helpers/kopsText';

const CLUSTER = kopsDocument('Cluster', 'a.example.com', [
  '  kubernetesVersion: 1.32.0',
  '  networking:',
  '    cilium:',
  '      enableNodePort: true',
]);

const instanceGroup = (i: number) =>
  `---\n${kopsDocument('InstanceGroup', `nodes-${i}`, ['  role: Node', '  machineType: m5.large', '  minSize: 1', '  maxSize: 3'])}`;

/** A Cluster followed by `count` InstanceGroups. */
const stream = (count: number): string => CLUSTER + Array.from({ length: count }, (_, i) => instanceGroup(i)).join('');

class Editor {
  private docs = new Map<string, TextSource>();
  readonly store: FileStore;
  constructor(syncParseChars: number) {
    this.store = new FileStore((uri) => this.docs.get(uri), { syncParseChars, sliceMs: 0 });
  }
  open(uri: string, text: string): void {
    this.docs.set(uri, { version: 1, getText: () => text });
    this.store.opened(uri, text.length);
  }
  change(uri: string, text: string, inserted: number): void {
    const version = this.docs.get(uri)!.version + 1;
    this.docs.set(uri, { version, getText: () => text });
    this.store.changed(uri, inserted);
  }
}

const shape = (file: ParsedFile) => file.documents.map((d) => ({ offset: d.offset, text: d.text, kops: d.kops, value: d.yaml.toJS() }));

describe('file store', () => {
  it('parses a little new text at once and the same parse as parseFile', async () => {
    const editor = new Editor(1_000_000);
    editor.open('u', stream(3));
    const snapshot = await editor.store.ready('u');
    assert.deepEqual(shape(snapshot!.file), shape(parseFile(stream(3))));
  });

  it('parses a lot of new text in slices, letting other work run in between, to the same result', async () => {
    const editor = new Editor(100);
    const text = stream(40);
    editor.open('u', text);
    let turns = 0;
    let parsed = false;
    const counting = (async () => {
      while (!parsed) {
        turns++;
        await nextTurn();
      }
    })();
    const snapshot = await editor.store.ready('u');
    parsed = true;
    await counting;
    assert.ok(turns > 40, `other work ran ${turns} times while 41 documents were parsed`);
    assert.deepEqual(shape(snapshot!.file), shape(parseFile(text)));
  });

  it('answers about a position near the top from the part parsed so far, as the whole parse will', async () => {
    const editor = new Editor(100);
    const text = stream(200);
    editor.open('u', text);
    const at = positionOf(text, 'enableNodePort', 2);
    const partial = await editor.store.readyAt('u', at);
    assert.ok(partial!.file.text.length < text.length / 10, 'answered before most of the file was parsed');
    const whole = await editor.store.ready('u');
    const eff = effectiveKopsVersion(whole!.file, {});
    assert.ok(hover(whole!.file, at, eff), 'a hover card');
    assert.deepEqual(hover(partial!.file, at, eff), hover(whole!.file, at, eff));
  });

  it('finishes on the newest version when the text changes mid-parse', async () => {
    const editor = new Editor(100);
    const text = stream(60);
    editor.open('u', text);
    const first = editor.store.ready('u');
    for (let i = 0; i < 20; i++) await nextTurn();
    const edited = text.replace('name: nodes-59', 'name: nodes-last');
    editor.change('u', edited, 4);
    const [a, b] = await Promise.all([first, editor.store.ready('u')]);
    assert.equal(a!.version, 2);
    assert.equal(a, b);
    assert.deepEqual(shape(a!.file), shape(parseFile(edited)));
  });

  it('reuses the documents of the previous version after an edit', async () => {
    const editor = new Editor(1_000_000);
    const text = stream(5);
    editor.open('u', text);
    const before = await editor.store.ready('u');
    editor.change('u', text.replace('name: nodes-2', 'name: nodes-two'), 3);
    const after = await editor.store.ready('u');
    const reused = after!.file.documents.filter((d, i) => d.yaml === before!.file.documents[i].yaml).length;
    assert.equal(reused, before!.file.documents.length - 1);
  });

  it('gives undefined for a closed document', async () => {
    const editor = new Editor(100);
    assert.equal(await editor.store.ready('nope'), undefined);
  });
});
