import { spawnSync } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { MB, tree, writeZip } from './fixtures';
import { formatBytes } from '../../src/core/private/format';
import { readZipBufferEntries, readZipEntries, readZipFiles } from '../../src/core/private/zip-reader';
import { inspectPackage, isExecutable } from '../../src/layers/private/package-contents';

describe('readZipEntries', () => {
  test('lists names, declared uncompressed sizes and Unix modes from the central directory', () => {
    const zip = writeZip([
      { name: 'python/' },
      { name: 'python/lib.py', content: 'x = 1\n' },
      { name: 'bootstrap', content: '#!/bin/sh\n', mode: 0o100755 },
    ]);
    expect(readZipEntries(zip)).toEqual([
      { name: 'python/', uncompressedSize: 0, unixMode: 0o40755 },
      { name: 'python/lib.py', uncompressedSize: 6, unixMode: 0o100644 },
      { name: 'bootstrap', uncompressedSize: 10, unixMode: 0o100755 },
    ]);
  });

  test('reads declared sizes without decompressing (200 MB declared in a few bytes)', () => {
    const zip = writeZip([{ name: 'bin/tool', content: 'x', declaredSize: 200 * MB }]);
    expect(fs.statSync(zip).size).toBeLessThan(200);
    expect(readZipEntries(zip)[0].uncompressedSize).toBe(200 * MB);
  });

  test('reads ZIP64 sizes and end records (entries above 4 GB)', () => {
    const zip = writeZip([{ name: 'lib/huge.so', content: 'x', declaredSize: 5 * 1024 * MB }, { name: 'lib/b.so', content: 'y' }], { zip64: true });
    expect(readZipEntries(zip).map(e => e.uncompressedSize)).toEqual([5 * 1024 * MB, 1]);
  });

  const zipCli = spawnSync('zip', ['-v']).status === 0;
  (zipCli ? test : test.skip)('reads an archive made by the zip command (Unix modes, deflated entries)', () => {
    const dir = tree({ 'bootstrap': { content: '#!/bin/sh\n', mode: 0o755 }, 'lib/data.txt': 'a'.repeat(10_000) });
    const zip = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'zipcli-')), 'layer.zip');
    expect(spawnSync('zip', ['-qr', zip, '.'], { cwd: dir }).status).toBe(0);
    const entries = Object.fromEntries(readZipEntries(zip).map(e => [e.name, e]));
    expect(entries['lib/data.txt'].uncompressedSize).toBe(10_000);
    expect(isExecutable(entries.bootstrap.unixMode)).toBe(true);
    expect(fs.statSync(zip).size).toBeLessThan(10_000);
  });

  test('entries made on a non-Unix host carry no mode', () => {
    const zip = writeZip([{ name: 'bootstrap', content: 'x', host: 0 }]);
    expect(readZipEntries(zip)[0].unixMode).toBeUndefined();
  });

  test('refuses a file that is not a zip archive', () => {
    const dir = tree({ 'notes.txt': 'this is not a zip archive, only some text that is long enough' });
    expect(() => readZipEntries(path.join(dir, 'notes.txt'))).toThrow(/not a readable zip archive: no end-of-central-directory record/);
  });

  test('refuses a file too short to be a zip archive', () => {
    const dir = tree({ 'tiny.zip': 'PK' });
    expect(() => readZipEntries(path.join(dir, 'tiny.zip'))).toThrow(/only 2 bytes long/);
  });

  test('refuses a damaged central directory', () => {
    const zip = writeZip([{ name: 'a.txt', content: 'a' }]);
    const buf = fs.readFileSync(zip);
    const cdAt = buf.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    buf.writeUInt32LE(0, cdAt);
    fs.writeFileSync(zip, buf);
    expect(() => readZipEntries(zip)).toThrow(/central directory entry 0 is damaged/);
  });

  test('refuses a central directory that lies beyond the end of the file', () => {
    const zip = writeZip([{ name: 'a.txt', content: 'a' }]);
    const buf = fs.readFileSync(zip);
    buf.writeUInt32LE(1_000_000, buf.length - 6);
    fs.writeFileSync(zip, buf);
    expect(() => readZipEntries(zip)).toThrow(/beyond the end of the file/);
  });

  test('refuses a ZIP64 marker without its locator', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'zip64-')), 'bad.zip');
    const eocd = Buffer.alloc(22);
    eocd.writeUInt32LE(0x06054b50, 0);
    eocd.writeUInt16LE(0xffff, 10);
    fs.writeFileSync(file, Buffer.concat([Buffer.alloc(30), eocd]));
    expect(() => readZipEntries(file)).toThrow(/ZIP64 locator missing/);
  });
});

describe('readZipFiles', () => {
  const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1]), Buffer.alloc(58, 7)]);
  test('reads stored and deflated entries whole, or only their first bytes', () => {
    const zip = writeZip([
      { name: 'index.js', content: 'exports.handler = 1;' },
      { name: 'app.py', content: 'def handler(e, c):\n    return 1\n', deflate: true },
      { name: 'lib/x.so', content: ELF, deflate: true },
    ]);
    const whole = readZipFiles(zip, ['index.js', 'app.py', 'missing.txt'], 1024, true);
    expect([...whole.keys()]).toEqual(['index.js', 'app.py']);
    expect(whole.get('app.py')!.toString()).toBe('def handler(e, c):\n    return 1\n');
    expect(readZipFiles(zip, ['lib/x.so', 'index.js'], 6)).toEqual(new Map([['index.js', Buffer.from('export')], ['lib/x.so', ELF.subarray(0, 6)]]));
  });

  test('a head of a large deflated entry inflates only a prefix; entries above the limit are not read whole', () => {
    const big = Buffer.concat([ELF, crypto.randomBytes(4 * MB)]);
    const zip = writeZip([{ name: 'lib/big.so', content: big, deflate: true }]);
    expect(readZipFiles(zip, ['lib/big.so'], 20).get('lib/big.so')).toEqual(big.subarray(0, 20));
    expect(readZipFiles(zip, ['lib/big.so'], MB, true).size).toBe(0);
    // Buffer.equals: jest's deep equality walks 4 MB byte by byte.
    expect(readZipFiles(zip, ['lib/big.so'], 5 * MB, true).get('lib/big.so')!.equals(big)).toBe(true);
  });

  test('lists a zip held in memory (a jar inside a zip package)', () => {
    const jar = fs.readFileSync(writeZip([{ name: 'com/example/Handler.class', content: 'x', deflate: true }]));
    expect(readZipBufferEntries(jar, 'lib/app.jar').map(e => e.name)).toEqual(['com/example/Handler.class']);
    expect(() => readZipBufferEntries(Buffer.from('not a zip archive at all, just text'), 'lib/app.jar')).toThrow(/lib\/app.jar is not a readable zip archive/);
  });

  test('refuses an entry whose local header is damaged', () => {
    const zip = writeZip([{ name: 'a.txt', content: 'a' }]);
    const buf = fs.readFileSync(zip);
    buf.writeUInt32LE(0, 0);
    fs.writeFileSync(zip, buf);
    expect(() => readZipFiles(zip, ['a.txt'], 1)).toThrow(/the local header of a.txt is damaged/);
  });

  const zipCli = spawnSync('zip', ['-v']).status === 0;
  (zipCli ? test : test.skip)('reads contents of an archive made by the zip command', () => {
    const dir = tree({ 'index.js': 'exports.handler = async () => 1;\n'.repeat(100) });
    const zip = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'zipcli-')), 'code.zip');
    expect(spawnSync('zip', ['-qr', zip, '.'], { cwd: dir }).status).toBe(0);
    expect(readZipFiles(zip, ['index.js'], MB, true).get('index.js')!.toString()).toBe(fs.readFileSync(path.join(dir, 'index.js'), 'utf-8'));
  });
});

describe('inspectPackage', () => {
  test('a directory: sizes from stat (sparse files count in full), paths to three levels, bootstrap mode', () => {
    const dir = tree({
      'nodejs/node_modules/big/blob.bin': { size: 30 * MB },
      'nodejs/node_modules/big/deep/deeper/x.js': 'x',
      'bootstrap': { content: '#!/bin/sh\n', mode: 0o755 },
      'empty/': '',
    });
    const c = inspectPackage(dir);
    expect(c.isZip).toBe(false);
    expect(c.unzippedBytes).toBe(30 * MB + 1 + 10);
    expect(c.fileCount).toBe(3);
    expect([...c.paths].sort()).toEqual(['bootstrap', 'empty', 'nodejs', 'nodejs/node_modules', 'nodejs/node_modules/big']);
    expect(isExecutable(c.bootstrapMode)).toBe(true);
  });

  test('a zip: sizes from the central directory; a bootstrap without Unix mode is not executable', () => {
    const zip = writeZip([{ name: 'python/a/b/c.py', content: 'x', declaredSize: 3 * MB }, { name: 'bootstrap', content: 'x', host: 0 }]);
    const c = inspectPackage(zip);
    expect(c.isZip).toBe(true);
    expect(c.unzippedBytes).toBe(3 * MB + 1);
    expect(c.paths.has('python/a/b')).toBe(true);
    expect(isExecutable(c.bootstrapMode)).toBe(false);
  });

  test('formatBytes prints MB as Lambda counts them, bytes below 0.1 MB', () => {
    expect(formatBytes(262 * MB + MB / 10)).toBe('262.1 MB');
    expect(formatBytes(2_048)).toBe('2,048 bytes');
    expect(formatBytes(1)).toBe('1 byte');
    expect(isExecutable(undefined)).toBe(false);
  });
});
