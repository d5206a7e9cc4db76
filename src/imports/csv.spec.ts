import { CsvFormatError, decodeCsv, parseCsv } from './csv';

const all = (s: string) => [...parseCsv(s)];

describe('parseCsv (RFC 4180)', () => {
  it('splits records and fields, CRLF or LF, with a trailing newline or without', () => {
    expect(all('a,b\r\nc,d\r\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(all('a,b\nc,d')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('keeps commas, line breaks and doubled quotes inside quoted fields', () => {
    expect(all('"采茶:2,茶叶加工:1","说""好""的"\n"两\n行",x\n')).toEqual([
      ['采茶:2,茶叶加工:1', '说"好"的'],
      ['两\n行', 'x'],
    ]);
  });

  it('keeps empty fields and drops a byte order mark', () => {
    expect(all('\uFEFF户编号,,姓名\n1,,\n')).toEqual([
      ['户编号', '', '姓名'],
      ['1', '', ''],
    ]);
  });

  it('rejects an unclosed quote and text after a closing quote, naming the line', () => {
    expect(() => all('a\n"open,b\n')).toThrow(CsvFormatError);
    expect(() => all('a\n"open,b\n')).toThrow(/第 2 行/);
    expect(() => all('"x"y,z\n')).toThrow(/多余/);
  });

  it('stops early without reading the rest', () => {
    const gen = parseCsv('a\nb\n"never closed');
    expect(gen.next().value).toEqual(['a']);
    expect(gen.next().value).toEqual(['b']);
  });
});

describe('decodeCsv', () => {
  it('reads UTF-8 and falls back to GB18030', () => {
    expect(decodeCsv(Buffer.from('姓名,性别', 'utf8'))).toBe('姓名,性别');
    // 姓名 in GB18030
    expect(decodeCsv(Buffer.from([0xd0, 0xd5, 0xc3, 0xfb]))).toBe('姓名');
  });
});
